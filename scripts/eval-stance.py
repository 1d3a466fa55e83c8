#!/usr/bin/env python3
"""Attack, coverage or mention: vigil builds side by side with a TF-IDF baseline, on
one eval file whose lines name a "person" and a "kind" (Training/stance/eval.jsonl).

For each vigil binary given, every text goes through `vigil scan --jsonl --watch NAME...`
(all the file's people watched) and the line's person is read off the record: the
attack score, the severity and the kind. A build that prints no "kind" (before the
stance model) gets "attack" at medium or above and "mention" below, the rule it had.
The baseline is scikit-learn's TF-IDF word 1-2-gram logistic regression trained on
--train: attack against the rest for the score, three classes for the kind, and the
score cut at vigil's thresholds (0.35, 0.55, 0.75) for its severities.

Prints, per system: ROC AUC of the attack score for attack vs coverage and attack vs
mention, texts of each kind at medium or above, and the kind's confusion matrix.
Needs: pip install scikit-learn
Usage: scripts/eval-stance.py --train Training/stance/train.jsonl --eval Training/stance/eval.jsonl \
           NAME=path/to/vigil[,--scan-option...] [NAME=... ...] [--json]
       (for instance without-encoder=.build/release/vigil,--no-encoder)
"""
import argparse, json, subprocess, sys
from collections import Counter

KINDS = ["attack", "coverage", "mention"]
ORDER = ["none", "low", "medium", "high"]


def read(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def roc_auc(scores, labels):
    pairs = sorted(zip(scores, labels))
    ranks, i = [0.0] * len(pairs), 0
    while i < len(pairs):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(1 for _, y in pairs if y == 1)
    neg = len(pairs) - pos
    if not pos or not neg:
        return float("nan")
    rank_sum = sum(r for r, (_, y) in zip(ranks, pairs) if y == 1)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def severity(score):
    return "high" if score >= 0.75 else "medium" if score >= 0.55 else "low" if score >= 0.35 else "none"


def run_vigil(binary, rows, extra=()):
    people = sorted({r["person"] for r in rows})
    args = [binary, "scan", "--jsonl", *extra]
    for p in people:
        args += ["--watch", p]
    feed = "".join(json.dumps({"id": str(i), "text": r["text"]}) + "\n" for i, r in enumerate(rows))
    out = subprocess.run(args, input=feed.encode(), capture_output=True, check=True).stdout.decode()
    results = []
    for r, line in zip(rows, out.splitlines()):
        rec = json.loads(line)
        score = rec.get("attack", {}).get(r["person"], 0.0)
        # The record's severity and kind are the document's; with one watched person
        # named they are that person's. Texts that name several are judged by score.
        named = len(rec.get("attack", {}))
        if "kind" in rec and named == 1:
            kind, sev = rec["kind"], rec["severity"]
        else:
            sev = severity(score) if named != 1 else rec["severity"]
            kind = rec.get("kind") if named == 1 else None
            if kind is None:
                kind = "attack" if ORDER.index(sev) >= 2 else "mention"
        results.append((score, kind, sev, rec.get("agent", 0.0)))
    return results


def run_baseline(train, rows):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    x = vec.fit_transform([r["text"] for r in train])
    xe = vec.transform([r["text"] for r in rows])
    binary = LogisticRegression(C=4, max_iter=2000).fit(x, [1 if r["kind"] == "attack" else 0 for r in train])
    multi = LogisticRegression(C=4, max_iter=2000).fit(x, [r["kind"] for r in train])
    scores = binary.predict_proba(xe)[:, 1]
    kinds = multi.predict(xe)
    return [(float(s), k, severity(s), None) for s, k in zip(scores, kinds)]


def figures(rows, results):
    expected = [r["kind"] for r in rows]
    out = {}
    for other in ("coverage", "mention"):
        chosen = [(s[0], 1 if e == "attack" else 0) for e, s in zip(expected, results) if e in ("attack", other)]
        out[f"roc_auc_attack_vs_{other}"] = roc_auc([c[0] for c in chosen], [c[1] for c in chosen])
    out["medium_or_above"] = {k: [sum(1 for e, s in zip(expected, results) if e == k and ORDER.index(s[2]) >= 2),
                                  expected.count(k)] for k in KINDS}
    out["confusion"] = {e: dict(Counter(s[1] for x, s in zip(expected, results) if x == e)) for e in KINDS}
    genres = sorted({r.get("genre", "") for r in rows})
    out["medium_or_above_by_genre"] = {g: [sum(1 for r, s in zip(rows, results) if r.get("genre") == g and ORDER.index(s[2]) >= 2),
                                           sum(1 for r in rows if r.get("genre") == g)] for g in genres}
    agents = [s[3] for e, s in zip(expected, results) if e == "attack" and s[3] is not None]
    out["mean_agent_of_attacks"] = sum(agents) / len(agents) if agents else None
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--eval", required=True)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("builds", nargs="*", help="NAME=path/to/vigil[,--scan-option...]")
    a = ap.parse_args()
    rows = read(a.eval)
    systems = {}
    for spec in a.builds:
        name, _, path = spec.partition("=")
        path, *extra = path.split(",")
        systems[name] = figures(rows, run_vigil(path, rows, extra))
    systems["tfidf-lr"] = figures(rows, run_baseline(read(a.train), rows))
    if a.json:
        print(json.dumps(systems, indent=1, sort_keys=True))
        return
    for name, f in systems.items():
        print(f"== {name}")
        print("  ROC AUC attack vs coverage %.4f, attack vs mention %.4f" % (f["roc_auc_attack_vs_coverage"], f["roc_auc_attack_vs_mention"]))
        print("  medium or above: " + ", ".join(f"{k} {c}/{n}" for k, (c, n) in f["medium_or_above"].items()))
        print("  by genre: " + ", ".join(f"{g} {c}/{n}" for g, (c, n) in f["medium_or_above_by_genre"].items()))
        print("  confusion (expected -> found): " + "; ".join(
            f"{e}: " + " ".join(f"{k} {f['confusion'][e].get(k, 0)}" for k in KINDS) for e in KINDS))
        if f["mean_agent_of_attacks"] is not None:
            print("  mean agent score of attacks %.3f" % f["mean_agent_of_attacks"])


if __name__ == "__main__":
    main()
