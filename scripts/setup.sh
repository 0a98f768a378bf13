#!/usr/bin/env bash
# Installs what one job of lofi needs on Debian 12: apt packages (only the
# missing ones, non-interactively, with sudo when not root) and the web
# player's npm packages (npm ci when web/node_modules is missing or older than
# package-lock.json). Safe to run again: it does nothing when all is there.
#
#   scripts/setup.sh [run]     build and run lofi and the web page (make run)
#   scripts/setup.sh train     and lofi-train, with LibTorch (make lofi-train, make model)
#   scripts/setup.sh test      and the tests (make test)
#   scripts/setup.sh bench     and the benchmarks (make bench)
#   scripts/setup.sh all       everything
#   scripts/setup.sh JOB --list    prints the job's apt packages, installs nothing
set -euo pipefail
cd "$(dirname "$0")/.."

# lofi and the web page: build tools, then one line per library the code uses.
RUN_PACKAGES=(
  cmake g++ make pkg-config
  nlohmann-json3-dev libcli11-dev
  libsndfile1-dev                    # WAV, Ogg Vorbis and MP3 files
  libfluidsynth-dev                  # renders MIDI with a soundfont
  fluid-soundfont-gm                 # the General MIDI soundfont (MIT)
  libespeak-ng-dev                   # speaks the quotes
  libcpp-httplib-dev zlib1g-dev      # lofi serve (compiled cpp-httplib, with zlib)
  nodejs                             # builds the web player (Vite) and runs its tests
)
# lofi-train, which `lofi train` runs.
TRAIN_PACKAGES=(
  libtorch-dev                       # the training network (LibTorch 1.13)
  libopenblas0-openmp                # fast BLAS for LibTorch (the reference BLAS is 16-25x slower)
)
# The tests (they train tiny models, so with TRAIN_PACKAGES).
TEST_PACKAGES=(
  libgtest-dev libgmock-dev
  clang libclang-rt-14-dev           # the MIDI reader's libFuzzer target
  python3-mido                       # checks that other programs open our MIDI files
  chromium                           # headless browser for the web player's end-to-end tests
)
# The benchmarks (with TRAIN_PACKAGES: lofi-bench-train, bench/size_study.sh).
BENCH_PACKAGES=(
  python3-torch                      # bench/pytorch_train.py, the PyTorch training comparison
  wrk curl                           # bench/serve_bench.sh
  jq                                 # bench/size_study.sh
  python3-mido                       # bench/midi_fuzz.py, the differential campaign's MIDI files
  python3-numpy python3-chardet python3-requests python3-joblib python3-jsonpickle
  python3-more-itertools python3-webcolors python3-matplotlib   # music21 8.1 as the oracle (bench/differential.py, lofi-bench-encode)
)

job=${1:-run}
case "$job" in
  run) packages=("${RUN_PACKAGES[@]}") ;;
  train) packages=("${RUN_PACKAGES[@]}" "${TRAIN_PACKAGES[@]}") ;;
  test) packages=("${RUN_PACKAGES[@]}" "${TRAIN_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
  bench) packages=("${RUN_PACKAGES[@]}" "${TRAIN_PACKAGES[@]}" "${BENCH_PACKAGES[@]}") ;;
  all) packages=("${RUN_PACKAGES[@]}" "${TRAIN_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${BENCH_PACKAGES[@]}") ;;
  *) echo "setup: unknown job '$job' (run, train, test, bench or all)" >&2; exit 2 ;;
esac
if [ "${2:-}" = "--list" ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo > /dev/null; then
      echo "setup: missing packages: ${missing[*]}; install them as root: apt-get install --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
    SUDO="sudo"
  fi
  echo "setup ($job): installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A machine that has never read the package lists (a fresh one) reads them first.
  for package in "${missing[@]}"; do
    if ! apt-cache show "$package" > /dev/null 2>&1; then
      echo "setup: reading the package lists (apt-get update)"
      $SUDO apt-get update -qq
      break
    fi
  done
  if ! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    echo "setup: refreshing the package lists and trying again"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

# The web player's packages, exactly as package-lock.json records them.
if [ -f web/package-lock.json ]; then
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    echo "setup: npm ci in web/ (node_modules missing or older than package-lock.json)"
    log=$(mktemp)
    if ! (cd web && npm ci --no-audit --no-fund --loglevel=error) > "$log" 2>&1; then
      # Should the lock file ever disagree with package.json, or name a package
      # the registry lacks, npm install --no-save installs the same versions
      # without touching it; npm ci's full refusal stays in the log.
      echo "setup: npm ci refused web/package-lock.json (its reasons: $log); installing with npm install --no-save"
      (cd web && npm install --no-save --no-audit --no-fund --loglevel=error)
    else
      cat "$log"
      rm -f "$log"
    fi
  fi
fi
