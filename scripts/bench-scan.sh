#!/bin/sh
# Scoring throughput, side by side in one run: `vigil scan --jsonl` (release build)
# against the Python TF-IDF word 1-2-gram logistic-regression baseline scoring the
# same texts, and `vigil eval` (one model on whole documents, the baseline's task).
# The corpus is the shared dev splits plus the long-form eval set,
# repeated to about 20 MB of text. Figures are MB of text per CPU-second.
# PREVIOUS=path/to/vigil also times an earlier build on the same corpus, before and
# after this build (one built before the models were compiled in needs its
# vigil_VigilScoring.resources folder beside it).
# `vigil scan --no-encoder` is timed too: the sentence encoder re-reads the
# sentences about the two watched names, which 0.4 % of the records carry.
# Needs: pip install scikit-learn (for the baseline).
set -eu
cd "$(dirname "$0")/.."
DATASETS=${1:-../shared/datasets}
PYTHON=${PYTHON:-python3}
CORPUS=$(mktemp /tmp/vigil-bench.XXXXXX.jsonl)
trap 'rm -f "$CORPUS"' EXIT
swift build -c release --product vigil >/dev/null
BYTES=$($PYTHON - "$DATASETS" "$CORPUS" <<'PY'
import json, sys
datasets, out_path = sys.argv[1], sys.argv[2]
files = [f"{datasets}/hostility/dev.jsonl", f"{datasets}/agent/dev.jsonl", "Training/longform/eval.jsonl"]
rows = [json.loads(l)["text"] for f in files for l in open(f, encoding="utf-8") if l.strip()]
total, n = 0, 0
with open(out_path, "w", encoding="utf-8") as out:
    while total < 20_000_000:
        for text in rows:
            out.write(json.dumps({"id": str(n), "text": text, "label": n % 2}) + "\n")
            n += 1
            total += len(text.encode())
print(total)
PY
)
scan() {
    START=$(date +%s.%N)
    CPU=$( { /usr/bin/time -f "%U %S" "$2" scan ${3:-} --jsonl --watch "Ada Lovelace" --watch "Henrik Aaltonen" "$CORPUS" >/dev/null; } 2>&1 )
    END=$(date +%s.%N)
    $PYTHON - "$1" "$BYTES" "$CPU" "$START" "$END" <<'PY'
import sys
name = sys.argv[1]; total = int(sys.argv[2]); user, system = map(float, sys.argv[3].split()); wall = float(sys.argv[5]) - float(sys.argv[4])
print(f"{name}: {total/1e6:.1f} MB in {user+system:.2f} CPU s ({wall:.2f} s wall): {total/1e6/(user+system):.2f} MB/s per core")
PY
}
if [ -n "${PREVIOUS:-}" ]; then scan "previous vigil scan" "$PREVIOUS"; fi
scan "vigil scan" .build/release/vigil
scan "vigil scan --no-encoder" .build/release/vigil --no-encoder
if [ -n "${PREVIOUS:-}" ]; then scan "previous vigil scan" "$PREVIOUS"; fi
CPU=$( { /usr/bin/time -f "%U %S" .build/release/vigil eval --task hostility --data "$CORPUS" >/dev/null; } 2>&1 )
$PYTHON - "$BYTES" "$CPU" <<'PY'
import sys
total = int(sys.argv[1]); user, system = map(float, sys.argv[2].split())
print(f"vigil eval (one model, whole documents): {total/1e6:.1f} MB in {user+system:.2f} CPU s: {total/1e6/(user+system):.2f} MB/s per core")
PY
$PYTHON - "$DATASETS" "$CORPUS" <<'PY'
import json, sys, time
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
datasets, corpus = sys.argv[1], sys.argv[2]
train = [json.loads(l) for l in open(f"{datasets}/hostility/train.jsonl", encoding="utf-8")]
vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
clf = LogisticRegression(max_iter=2000, C=4.0).fit(vec.fit_transform([r["text"] for r in train]), [r["label"] for r in train])
start = time.process_time()
texts = [json.loads(l)["text"] for l in open(corpus, encoding="utf-8")]
clf.predict_proba(vec.transform(texts))
cpu = time.process_time() - start
total = sum(len(t.encode()) for t in texts)
print(f"tfidf-logreg (one model, no sentences): {total/1e6:.1f} MB in {cpu:.2f} CPU s: {total/1e6/cpu:.2f} MB/s per core")
PY
