#!/usr/bin/env bash
# How fast `lofi serve` starts and how much memory it holds: for each build
# folder, RUNS launches of `BUILD/lofi serve --port 0`, each timed from launch
# to its "listening on" line, with the CPU time it used until then (a busy
# machine changes that less than the wall time); its resident memory (VmRSS)
# right after that line and after a few requests as the page makes them
# (GET /index.html, /api/health, /api/info, POST /api/mood, then REQUESTS x
# POST /api/generate of 30 bars). With several build folders the runs
# alternate between them, so that whatever else the machine is doing weighs
# on each alike.
#
# Usage: bench/serve_startup.sh [BUILD_DIR...]   (default: build)
# Environment: RUNS (default 10), REQUESTS (5), WEB (default BUILD_DIR/web of
# the first folder), ASSETS (its assets).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- build
RUNS=${RUNS:-10}
REQUESTS=${REQUESTS:-5}
WEB=${WEB:-$1/web}
ASSETS=${ASSETS:-$1/assets}

command -v curl > /dev/null || { echo "serve_startup: curl is missing (scripts/setup.sh bench installs it)" >&2; exit 1; }
for build in "$@"; do
  [ -x "$build/lofi" ] || { echo "serve_startup: $build/lofi is not built" >&2; exit 1; }
done

work=$(mktemp -d)
# The built page if there is one, else a stand-in index.html.
if [ ! -f "$WEB/index.html" ]; then
  WEB="$work/web"
  mkdir -p "$WEB"
  echo '<!doctype html><html><head><meta charset="utf-8"><title>Lofi Station</title></head><body></body></html>' > "$WEB/index.html"
fi
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
# CPU time the process has used (user + system, every thread), in ms; 10 ms steps.
cpu_ms() { awk -v tick="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); print ($12 + $13) * 1000 / tick}' "/proc/$1/stat"; }

# One launch of BUILD/lofi serve; appends "milliseconds rss_start_kb rss_after_kb cpu_ms" to $work/NAME.
measure() {
  local build="$1" name="$2" line url
  local start end
  start=$EPOCHREALTIME
  coproc SERVER { exec "$build/lofi" serve --port 0 --web "$WEB" --assets "$ASSETS" 2> "$work/serve.err"; }
  # shellcheck disable=SC2153  # SERVER_PID is set by coproc
  server_pid=$SERVER_PID
  if ! IFS= read -r -t 30 line <&"${SERVER[0]}" || [[ "$line" != *"listening on"* ]]; then
    echo "serve_startup: $build/lofi serve did not start: $line $(cat "$work/serve.err")" >&2
    exit 1
  fi
  end=$EPOCHREALTIME
  local rss_start cpu
  rss_start=$(rss_kb "$server_pid")
  cpu=$(cpu_ms "$server_pid")
  url=$(grep -o 'http://[0-9.:]*' <<< "$line")
  curl -sf -o /dev/null "$url/index.html"
  curl -sf -o /dev/null "$url/api/health"
  curl -sf -o /dev/null "$url/api/info"
  curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"text": "rainy sunday, a bit sad"}' "$url/api/mood"
  for seed in $(seq "$REQUESTS"); do
    curl -s -o /dev/null -H 'Content-Type: application/json' \
      -d "{\"bars\": 30, \"temperature\": 0.9, \"topP\": 0.95, \"seed\": $seed}" "$url/api/generate"
  done
  local rss_after
  rss_after=$(rss_kb "$server_pid")
  stop_server
  local microseconds=$(( ${end/./} - ${start/./} ))
  echo "$((microseconds / 1000)) $rss_start $rss_after $cpu" >> "$work/$name"
}

for _ in $(seq "$RUNS"); do
  index=0
  for build in "$@"; do
    measure "$build" "$index"
    index=$((index + 1))
  done
done

echo "lofi serve, $RUNS launches each, $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| build | launch to listening, ms: median (min-max) | CPU time to listening, ms | RSS after start, MB | RSS after $((REQUESTS + 4)) requests, MB | loads LibTorch |"
echo "| --- | --- | --- | --- | --- | --- |"
index=0
for build in "$@"; do
  /usr/bin/python3 - "$work/$index" "$build" "$(ldd "$build/lofi" | grep -qi torch && echo yes || echo no)" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
ms = [r[0] for r in rows]
start = [r[1] / 1024 for r in rows]
after = [r[2] / 1024 for r in rows]
cpu = [r[3] for r in rows]
print(f"| {sys.argv[2]} | {statistics.median(ms):.0f} ({min(ms):.0f}-{max(ms):.0f}) | {statistics.median(cpu):.0f} | {statistics.median(start):.1f} | "
      f"{statistics.median(after):.1f} | {sys.argv[3]} |")
PY
  index=$((index + 1))
done
