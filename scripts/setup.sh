#!/usr/bin/env bash
# Installs what lofi needs to build, run and test on Debian 12: apt packages
# (only the missing ones, non-interactively) and the web player's npm packages
# (npm ci when web/node_modules is missing or older than package-lock.json).
# Safe to run again: it does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and test tools, then one line per library the code uses.
APT_PACKAGES=(
  cmake g++ make pkg-config
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev          # libFuzzer target
  python3-mido                       # checks that other programs open our MIDI files; bench/midi_fuzz.py
  python3-numpy python3-chardet python3-requests python3-joblib python3-jsonpickle
  python3-more-itertools python3-webcolors python3-matplotlib   # bench/differential.py: music21 8.1 as the oracle
  nlohmann-json3-dev libcli11-dev
  libtorch-dev                       # the model: training network (LibTorch 1.13)
  libopenblas0-openmp                # fast BLAS for LibTorch (the reference BLAS is 16-25x slower)
  python3-torch jq                   # bench/: the PyTorch training comparison, the size study
  libsndfile1-dev                    # WAV, Ogg Vorbis and MP3 files
  libfluidsynth-dev                  # renders MIDI with a soundfont
  fluid-soundfont-gm                 # the General MIDI soundfont (MIT)
  libespeak-ng-dev                   # speaks the quotes
  nodejs                             # builds the web player (Vite) and runs its tests
  chromium                           # headless browser for the web player's end-to-end tests
  libcpp-httplib-dev zlib1g-dev      # lofi serve (compiled cpp-httplib, with zlib)
  wrk                                # bench/serve_bench.sh
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for package in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    echo "setup: refreshing the package lists and trying again"
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

# The web player's packages, exactly as package-lock.json records them.
if [ -f web/package-lock.json ]; then
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    echo "setup: npm ci in web/ (node_modules missing or older than package-lock.json)"
    # npm ci refuses a lock file that lacks other platforms' optional packages
    # (rollup's), which happens when the registry used did not list them; npm
    # install --no-save then installs the same locked versions without touching the lock.
    if ! (cd web && npm ci --no-audit --no-fund --loglevel=error); then
      echo "setup: npm ci refused the lock file; installing its versions with npm install --no-save"
      (cd web && npm install --no-save --no-audit --no-fund --loglevel=error)
    fi
  fi
fi
