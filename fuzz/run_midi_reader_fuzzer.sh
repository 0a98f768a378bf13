#!/usr/bin/env bash
# Builds the MIDI reader's libFuzzer target with clang in its own build folder
# and runs it for a bounded time. Exits non-zero if libFuzzer finds a crash,
# a leak, a timeout or an out-of-memory; the input is then saved in
# BUILD_DIR/artifacts/ (check it in under tests/data/malformed/ once fixed).
#
#   fuzz/run_midi_reader_fuzzer.sh [BUILD_DIR] [SECONDS]
#
# New inputs the fuzzer finds go to BUILD_DIR/corpus, so later runs start
# where earlier ones stopped; the checked-in seeds are never modified.
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${1:-$source_dir/build/fuzz}"
seconds="${2:-45}"
compiler="${LOFI_FUZZ_CXX:-clang++}"

if ! command -v "$compiler" > /dev/null; then
  echo "fuzz: $compiler not found (scripts/setup.sh installs clang)" >&2
  exit 1
fi

echo "fuzz: building midi_reader_fuzzer in $build_dir"
cmake -S "$source_dir" -B "$build_dir" -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_BUILD_TYPE=Release \
  -DLOFI_BUILD_FUZZ=ON -DLOFI_BUILD_TESTS=OFF -DLOFI_BUILD_BENCH=OFF -DLOFI_BUILD_TRAINING=OFF > "$build_dir.configure.log" 2>&1 ||
  { cat "$build_dir.configure.log" >&2; exit 1; }
cmake --build "$build_dir" --target midi_reader_fuzzer -j2

mkdir -p "$build_dir/corpus" "$build_dir/artifacts"
echo "fuzz: running for $seconds s"
# -max_len: real MIDI files are larger, but the reader's paths are all reached
# by small inputs and short inputs keep the executions fast.
"$build_dir/midi_reader_fuzzer" \
  -max_total_time="$seconds" \
  -rss_limit_mb=1024 \
  -malloc_limit_mb=256 \
  -timeout=10 \
  -max_len=4096 \
  -dict="$source_dir/fuzz/midi.dict" \
  -artifact_prefix="$build_dir/artifacts/" \
  -print_final_stats=1 \
  "$build_dir/corpus" \
  "$source_dir/tests/data/midi-seeds" \
  "$source_dir/tests/data/malformed" \
  "$source_dir/examples"
