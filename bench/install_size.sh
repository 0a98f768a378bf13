#!/usr/bin/env bash
# What `scripts/setup.sh JOB` installs on a fresh Debian 12 that already has
# cmake, g++ and make: apt resolves the job's packages against a stand-in of
# such a system (a dpkg status file listing Debian's required packages, apt,
# and cmake, g++ and make with their dependencies, at the versions in this
# machine's package lists), and the packages it would add are summed: how
# many, the download and the installed size (Debian's Size and Installed-Size).
# Nothing is installed; it needs current package lists (apt-get update).
#
# Usage: bench/install_size.sh [JOB...]   (default: run train test bench)
#        PACKAGES="a b c" bench/install_size.sh    a list of your own instead
# Environment: BASE (default "cmake g++ make"), VERBOSE=1 lists the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- run train test bench
BASE=${BASE:-cmake g++ make}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every version in the package lists (Debian's, not what this machine has installed).
/usr/lib/apt/apt-helper cat-file /var/lib/apt/lists/*_Packages* > "$work/available"

# apt-get -s against the stand-in status file; prints "package version" per package it would add.
simulate() {
  apt-get -s -q -o Dir::State::status="$work/status" -o Dir::State::extended_states="$work/extended" \
    -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= -o APT::Install-Recommends=false \
    install "$@" 2> "$work/apt.err" | awk '/^Inst / {name = $2; sub(/^[^(]*\(/, ""); print name, $1}' ||
    { cat "$work/apt.err" >&2; exit 1; }
}

# Adds the packages of a file of "package version" lines to the status file, as installed.
mark_installed() {
  /usr/bin/python3 - "$work/available" "$work/status" "$1" <<'PY'
import sys
wanted = {tuple(line.split()[:2]) for line in open(sys.argv[3]) if line.strip()}
keep = ("Version", "Architecture", "Multi-Arch", "Essential", "Depends", "Pre-Depends",
        "Provides", "Conflicts", "Breaks", "Replaces", "Priority", "Section", "Installed-Size")
with open(sys.argv[1]) as available, open(sys.argv[2], "a") as status:
    for stanza in available.read().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in stanza.splitlines() if ": " in line and line[0] != " ")
        key = (fields.get("Package"), fields.get("Version"))
        if key not in wanted:
            continue
        wanted.discard(key)
        status.write(f"Package: {key[0]}\nStatus: install ok installed\n")
        status.write("".join(f"{k}: {fields[k]}\n" for k in keep if k in fields) + "\n")
for name, version in sorted(wanted):
    print(f"install_size: {name} {version} is not in the package lists", file=sys.stderr)
PY
}

: > "$work/status"
: > "$work/extended"
# Debian's required packages and apt (a minimal Debian 12, as debootstrap's
# minbase makes it), then cmake, g++ and make, each with their dependencies.
awk '/^Package:/ {name = $2} /^Priority: required/ {print name}' "$work/available" | sort -u > "$work/required"
mapfile -t required < "$work/required"
simulate "${required[@]}" apt > "$work/minimal"
mark_installed "$work/minimal"
# shellcheck disable=SC2086
simulate $BASE > "$work/base"
mark_installed "$work/base"

size_of() {
  /usr/bin/python3 - "$work/available" "$1" <<'PY'
import sys
adds = {tuple(line.split()[:2]) for line in open(sys.argv[2]) if line.strip()}
size = installed = 0
for stanza in open(sys.argv[1]).read().split("\n\n"):
    fields = dict(line.split(": ", 1) for line in stanza.splitlines() if ": " in line and line[0] != " ")
    key = (fields.get("Package"), fields.get("Version"))
    if key in adds:
        adds.discard(key)
        size += int(fields.get("Size", 0))
        installed += int(fields.get("Installed-Size", 0)) * 1024
print(f"{size / 1e6:.0f} MB download, {installed / 1e6:.0f} MB installed" + (f" ({len(adds)} not sized)" if adds else ""))
PY
}

echo "a minimal Debian 12: $(wc -l < "$work/minimal") packages; with $BASE: $(wc -l < "$work/base") more, $(size_of "$work/base")"
echo
echo "| job | apt packages it adds | download | installed |"
echo "| --- | --- | --- | --- |"
if [ -n "${PACKAGES:-}" ]; then set -- custom; fi
for job in "$@"; do
  if [ "$job" = custom ]; then
    read -r -a packages <<< "$PACKAGES"
  else
    mapfile -t packages < <(scripts/setup.sh "$job" --list)
  fi
  simulate "${packages[@]}" > "$work/$job"
  read -r download _ _ installed _ < <(size_of "$work/$job")
  echo "| $job | $(wc -l < "$work/$job") | $download MB | $installed MB |"
  if [ -n "${VERBOSE:-}" ]; then sort "$work/$job" | tr '\n' ' '; echo; fi
done
