#!/usr/bin/env python3
"""Reference baselines for vigil's scoring models, on the same splits.

1. scikit-learn TF-IDF word 1-2-gram logistic regression trained on train.jsonl;
2. alt-profanity-check (hostility only), used as shipped.

Prints ROC AUC, PR AUC, F1 (threshold 0.5), TPR at 1 % FPR and ECE per data file, and
the long-form attack-versus-coverage comparison when --longform is given.
Needs: pip install scikit-learn alt-profanity-check
"""
import argparse, json, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, average_precision_score, f1_score, roc_curve


def read(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    return rows


def ece(p, y, bins=10):
    p = np.asarray(p); y = np.asarray(y)
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += abs(p[m].sum() - y[m].sum()) / len(p)
    return total


def tpr_at(p, y, fpr=0.01):
    p = np.asarray(p); y = np.asarray(y)
    neg = np.sort(p[y == 0])[::-1]
    k = int(fpr * len(neg))
    cut = neg[k] if k < len(neg) else -np.inf
    return float((p[y == 1] > cut).mean())


def figures(p, y):
    return dict(roc_auc=roc_auc_score(y, p), pr_auc=average_precision_score(y, p),
                f1=f1_score(y, np.asarray(p) >= 0.5), tpr1=tpr_at(p, y), ece=ece(p, y))


def show(name, p, y):
    f = figures(p, y)
    print(f"  {name:34s} ROC AUC {f['roc_auc']:.4f}  PR AUC {f['pr_auc']:.4f}  F1 {f['f1']:.4f}  "
          f"TPR@1%FPR {f['tpr1']:.4f}  ECE {f['ece']:.4f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--datasets", default="../shared/datasets")
    ap.add_argument("--longform", default="Training/longform/eval.jsonl")
    args = ap.parse_args()
    models = {}
    for task in ("hostility", "agent"):
        train = read(f"{args.datasets}/{task}/train.jsonl")
        dev = read(f"{args.datasets}/{task}/dev.jsonl")
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        X = vec.fit_transform([r["text"] for r in train])
        clf = LogisticRegression(max_iter=2000, C=4.0)
        clf.fit(X, [r["label"] for r in train])
        models[task] = (vec, clf)
        p = clf.predict_proba(vec.transform([r["text"] for r in dev]))[:, 1]
        y = np.array([r["label"] for r in dev])
        print(f"{task} dev ({len(dev)} texts)")
        show("tfidf-logreg", p, y)
        if task == "hostility":
            from profanity_check import predict_prob
            q = predict_prob([r["text"] for r in dev])
            show("alt-profanity-check", q, y)
    try:
        rows = read(args.longform)
    except OSError:
        return
    y = np.array([r["label"] for r in rows])
    vec, clf = models["hostility"]
    p = clf.predict_proba(vec.transform([r["text"] for r in rows]))[:, 1]
    from profanity_check import predict_prob
    q = predict_prob([r["text"] for r in rows])
    print(f"long-form eval ({len(rows)} documents, {int(y.sum())} attacks)")
    for name, s in (("tfidf-logreg (hostility)", p), ("alt-profanity-check", q)):
        show(name, s, y)
        print(f"  {'':34s} mean score: attacks {s[y == 1].mean():.3f}, coverage {s[y == 0].mean():.3f}")


if __name__ == "__main__":
    main()
