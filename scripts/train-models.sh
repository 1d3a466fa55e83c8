#!/bin/sh
# Reproduces the model files compiled into vigil (Sources/CShippedModels/Models) exactly:
# training is single-threaded and seeded, so the same data give the same bytes.
# Usage: scripts/train-models.sh [DATASETS_DIR]   (default ../shared/datasets)
set -eu
cd "$(dirname "$0")/.."
DATASETS=${1:-../shared/datasets}
OUT=Sources/CShippedModels/Models
swift build -c release --product vigil
VIGIL=.build/release/vigil

$VIGIL train --task hostility --seed 7 \
    --data "$DATASETS/hostility/train.jsonl" \
    --data Training/longform/train.jsonl \
    --dev "$DATASETS/hostility/dev.jsonl" \
    --out "$OUT/hostility.vgm"

$VIGIL train --task agent --seed 7 \
    --data "$DATASETS/agent/train.jsonl" \
    --dev "$DATASETS/agent/dev.jsonl" \
    --out "$OUT/agent.vgm"

# The stance reading (attack, coverage or mention) reads texts with the two models
# above, so it is trained after them; the L2 strength is chosen on the dev pool.
$VIGIL train --task stance --seed 7 \
    --data Training/stance/train.jsonl \
    --dev Training/stance/dev.jsonl \
    --out "$OUT/stance.json"
