#!/usr/bin/python3
"""Differential test of the classic encoding against music21 8.1.

Usage: /usr/bin/python3 bench/differential.py [--generated N] [--seed S]
           [--lofi build/lofi] [--work /tmp/lofi-differential] [--jobs 2]

Three sets go through both encoders: N files from bench/midi_fuzz.py (seed S),
the composed corpus (`lofi corpus --songs 60 --seed 77`) and the piano corpus
(../shared/corpora/piano-composer/midi). For each set it prints exact files,
token agreement (1 - total edit distance / total music21 tokens) and the first
difference of each failing file (token index, ours against music21's, with
the tokens before it).

music21 is slow (1-3 files a second), so its tokens are cached per file under
WORK/oracle/, keyed by the file's SHA-256: after a fix to our reader, a rerun
only runs lofi. Files music21 itself refuses are reported apart, not counted.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ORACLE = os.path.join(ROOT, "..", "shared", "oracles", "music21_tokens.py")
PIANO = os.path.join(ROOT, "..", "shared", "corpora", "piano-composer", "midi")


def midi_files(directory):
    return sorted(os.path.join(directory, name) for name in os.listdir(directory)
                  if name.lower().endswith((".mid", ".midi")))


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def oracle_batch(paths):
    output = subprocess.run(["/usr/bin/python3", ORACLE, *paths], check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output)["files"]


def music21_tokens(paths, cache_dir, jobs, cached_only=False):
    """{path: tokens or {"error": ...}}, running music21 only on files not cached."""
    os.makedirs(cache_dir, exist_ok=True)
    result, missing = {}, []
    for path in paths:
        cached = os.path.join(cache_dir, digest(path) + ".json")
        if os.path.exists(cached):
            with open(cached) as handle:
                result[path] = json.load(handle)
        else:
            missing.append(path)
    if cached_only:
        missing = []
    batches = [missing[i:i + 20] for i in range(0, len(missing), 20)]
    done = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for batch, entries in zip(batches, pool.map(oracle_batch, batches)):
            for path, entry in zip(batch, entries):
                value = entry.get("tokens", {"error": entry.get("error")})
                with open(os.path.join(cache_dir, digest(path) + ".json"), "w") as handle:
                    json.dump(value, handle)
                result[path] = value
            done += len(batch)
            print(f"  music21: {done}/{len(missing)}", file=sys.stderr)
    return result


def lofi_tokens(lofi, directory):
    output = subprocess.run([lofi, "encode", directory, "--encoding", "classic", "--json"],
                            check=True, capture_output=True, text=True).stdout
    parsed = json.loads(output)
    tokens = {entry["file"]: entry["tokens"] for entry in parsed["files"]}
    for entry in parsed.get("skipped", []):
        tokens[entry["file"]] = {"error": entry.get("reason")}
    return tokens


def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (a[i - 1] != b[j - 1]))
        previous = current
    return previous[len(b)]


def first_difference(ours, theirs):
    index = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
    before = " ".join(theirs[max(0, index - 4):index])
    return (f"token {index} of {len(theirs)} (ours {len(ours)}): after [{before}] "
            f"ours {ours[index:index + 4]} music21 {theirs[index:index + 4]}")


def compare(name, directory, lofi, cache_dir, jobs, verbose, cached_only):
    expected = music21_tokens(midi_files(directory), cache_dir, jobs, cached_only)
    paths = sorted(expected)
    ours = lofi_tokens(lofi, directory)
    exact = compared = distance = total = 0
    refused = []
    for path in paths:
        file = os.path.basename(path)
        want = expected[path]
        if isinstance(want, dict):
            refused.append(f"{file}: music21 fails: {want['error']}")
            continue
        compared += 1
        total += len(want)
        got = ours.get(file)
        if isinstance(got, dict) or got is None:
            distance += len(want)
            if verbose:
                print(f"  {file}: lofi skips it: {got}")
            continue
        if got == want:
            exact += 1
            continue
        distance += edit_distance(got, want)
        if verbose:
            print(f"  {file}: {first_difference(got, want)}")
    agreement = 1 - distance / total if total else 1
    for line in refused:
        print(f"  {line}")
    print(f"{name}: {exact} of {compared} files exact, token agreement {100 * agreement:.2f}% "
          f"({total} music21 tokens, edit distance {distance}); music21 fails on {len(refused)}")
    return exact == compared


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lofi", default=os.path.join(ROOT, "build", "lofi"))
    parser.add_argument("--work", default="/tmp/lofi-differential")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sets", default="generated,composed,piano")
    parser.add_argument("--quiet", action="store_true", help="figures only, no first differences")
    parser.add_argument("--cached-only", action="store_true",
                        help="compare only the files music21 has already read (while a long run goes on)")
    arguments = parser.parse_args()
    generated = os.path.join(arguments.work, f"generated-{arguments.seed}-{arguments.generated}")
    composed = os.path.join(arguments.work, "composed-77")
    sets = arguments.sets.split(",")
    if "generated" in sets:
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "midi_fuzz.py"), "--count",
                        str(arguments.generated), "--seed", str(arguments.seed), "--out", generated], check=True)
    if "composed" in sets and not os.path.isdir(composed):
        subprocess.run([arguments.lofi, "corpus", "--songs", "60", "--seed", "77", "--out", composed],
                       check=True, capture_output=True)
    directories = {"generated": generated, "composed": composed, "piano": PIANO}
    cache_dir = os.path.join(arguments.work, "oracle")
    all_exact = True
    for name in sets:
        all_exact &= compare(name, directories[name], arguments.lofi, cache_dir, arguments.jobs,
                             not arguments.quiet, arguments.cached_only)
    sys.exit(0 if all_exact else 1)


if __name__ == "__main__":
    main()
