#!/usr/bin/env bash
# Benchmarks `lofi serve` with wrk on loopback, for a bounded time, and prints
# a table: POST /api/generate (30 bars, 32 connections, a new seed each time)
# and a static file (the page's index.html, 32 connections), with the
# server's resident memory sampled every 5 s during the generate run.
#
# Usage: bench/serve_bench.sh [BUILD_DIR]   (default: build)
# Environment: DURATION (generate run, s, default 60), STATIC_DURATION (default
# 10), CONNECTIONS (32), THREADS (wrk threads, 2), BARS (30), SERVE_THREADS
# (the server's --threads, default: one per core).
# Targets (issue 6): >= 50 generations/s on 2 cores, p99 < 200 ms, no errors
# or timeouts, memory flat.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
DURATION=${DURATION:-60}
STATIC_DURATION=${STATIC_DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
export BARS=${BARS:-30}

command -v wrk > /dev/null || { echo "serve_bench: wrk is missing (scripts/setup.sh installs it)" >&2; exit 1; }
[ -x "$BUILD/lofi" ] || { echo "serve_bench: $BUILD/lofi is not built" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The built page if there is one, else a stand-in index.html of the same kind.
web="$BUILD/web"
if [ ! -f "$web/index.html" ]; then
  web="$work/web"
  mkdir -p "$web"
  printf '<!doctype html><html><head><meta charset="utf-8"><title>Lofi Station</title></head><body>%s</body></html>\n' \
    "$(head -c 600 /dev/zero | tr '\0' 'x')" > "$web/index.html"
fi
serve_args=(serve --port 0 --web "$web" --assets "$BUILD/assets")
[ -n "${SERVE_THREADS:-}" ] && serve_args+=(--threads "$SERVE_THREADS")
[ -n "${MODEL:-}" ] && serve_args+=(--model "$MODEL")
[ -n "${SERVE_ARGS:-}" ] && read -r -a extra <<< "$SERVE_ARGS" && serve_args+=("${extra[@]}")
"$BUILD/lofi" "${serve_args[@]}" > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" 2> /dev/null && break; sleep 0.05; done
url=$(grep -o 'http://[0-9.:]*' "$work/serve.out" | head -1)
[ -n "$url" ] || { echo "serve_bench: the server did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# One wrk run; prints "requests/s p50 p99 errors" (latencies in ms).
run_wrk() {
  local out="$1"; shift
  wrk --latency -t"$THREADS" -c"$CONNECTIONS" --timeout 5s "$@" > "$out" 2>&1
  /usr/bin/python3 - "$out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r'^\s*%s\s+([\d.]+)(us|ms|s)\s*$' % re.escape(label), text, re.M)
    if not m: return float('nan')
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == 'us' else value * 1000 if unit == 's' else value
rps = re.search(r'Requests/sec:\s+([\d.]+)', text)
errors = 0
m = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
if m: errors += sum(int(x) for x in m.groups())
m = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
if m: errors += int(m.group(1))
total = re.search(r'(\d+) requests in', text)
print(f"{float(rps.group(1)) if rps else float('nan'):.1f} {ms('50%'):.1f} {ms('99%'):.1f} {errors} {total.group(1) if total else 0}")
PY
}

echo "lofi serve at $url, $(nproc) cores; wrk: $THREADS threads, $CONNECTIONS connections"
model=$(curl -s "$url/api/info" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("model",{}).get("source","none"))' 2> /dev/null || echo none)

rss_start=$(rss_kb)
rss_samples=("$rss_start")
generate_row="| POST /api/generate ($BARS bars) | - | - | - | - | - | no model |"
if [ "$model" != "none" ]; then
  # Warm up (first requests load lazily), then the measured run.
  wrk -t1 -c4 -d3s -s bench/wrk_generate.lua "$url/api/generate" > /dev/null 2>&1 || true
  rss_start=$(rss_kb)
  rss_samples=("$rss_start")
  run_wrk "$work/generate.txt" -d"${DURATION}s" -s bench/wrk_generate.lua "$url/api/generate" > "$work/generate.row" &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2> /dev/null; do sleep 5; kill -0 "$wrk_pid" 2> /dev/null && rss_samples+=("$(rss_kb)"); done
  wait "$wrk_pid"
  read -r rps p50 p99 errors total < "$work/generate.row"
  generate_row="| POST /api/generate ($BARS bars) | ${DURATION} s | $total | $rps | $p50 | $p99 | $errors |"
fi
rss_end=$(rss_kb)

run_wrk "$work/static.txt" -d"${STATIC_DURATION}s" "$url/index.html" > "$work/static.row"
read -r srps sp50 sp99 serrors stotal < "$work/static.row"

echo
echo "| endpoint | duration | requests | requests/s | p50 ms | p99 ms | errors + timeouts |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
echo "$generate_row"
echo "| GET /index.html ($(stat -c %s "$web/index.html") B) | ${STATIC_DURATION} s | $stotal | $srps | $sp50 | $sp99 | $serrors |"
echo
echo "server memory (RSS) during the generate run, every 5 s: ${rss_samples[*]} kB; after: $rss_end kB"
echo "model: $model"
