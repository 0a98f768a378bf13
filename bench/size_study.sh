#!/usr/bin/env bash
# How big should the default network be? Trains each candidate size on the
# same data for the same epochs, then prints its held-out loss (lofi evaluate,
# state carried through whole pieces), training speed, and generation speed
# (lofi-bench-generate). The figures in docs/model.md come from this script.
#
#   bench/size_study.sh [TOKENS.json] [EPOCHS] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/corpora/piano-composer/music21-v8.1-tokens.json}
EPOCHS=${2:-6}
THREADS=${3:-1}
OUT=${OUT:-build/size-study}
# "embedding:lstm sizes" of each candidate.
CANDIDATES=${CANDIDATES:-"64:256 128:256 128:384 128:512 128:256,256"}

mkdir -p "$OUT"
printf '| embedding | LSTM | parameters | held-out NLL | perplexity | longest copy | train tokens/s | generation ms/token (batch 1) |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for candidate in $CANDIDATES; do
  embedding=${candidate%%:*}
  lstm=${candidate#*:}
  run="$OUT/e${embedding}-h${lstm//,/-}"
  if [ ! -f "$run/best.lofi" ] || [ "$(jq '.epochs | length' "$run/log.json" 2>/dev/null || echo 0)" -lt "$EPOCHS" ]; then
    resume=()
    if [ -f "$run/last.lofi" ]; then resume=(--resume); fi  # an interrupted run goes on
    build/lofi train "$DATA" --embedding "$embedding" --lstm "$lstm" --epochs "$EPOCHS" --threads "$THREADS" \
      --out "$run" "${resume[@]}" 2>> "$run.train.log" || { echo "training $run failed: see $run.train.log" >&2; exit 1; }
  fi
  parameters=$(grep -o '[0-9]* parameters' "$run.train.log" | tail -1 | cut -d' ' -f1)
  evaluation=$(build/lofi evaluate --model "$run/best.lofi" "$DATA" --novelty 4 --tokens 512 --json)
  speed=$(jq '[.epochs[].tokensPerSecond] | max | floor' "$run/log.json")
  generation=$(build/bench/lofi-bench-generate --model "$run/best.lofi" --window-tokens 2 --repeat 5 |
    awk -F'|' '/state carried \| 1 \|/ {gsub(/ /, "", $4); print $4}')
  printf '| %s | %s | %s | %.3f | %.2f | %s | %s | %s |\n' "$embedding" "$lstm" "$parameters" \
    "$(jq .nll <<< "$evaluation")" "$(jq .perplexity <<< "$evaluation")" "$(jq .longestCopiedRun <<< "$evaluation")" \
    "$speed" "$generation"
done
