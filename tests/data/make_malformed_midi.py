#!/usr/bin/python3
"""Writes the hand-made malformed MIDI files in tests/data/malformed.

Each one breaks the format in one way; tests/data/malformed/README.md says
how and where the reader must report it. Files whose names start with
`fuzz-` were found by the fuzzer and are not made here. Run with:
    /usr/bin/python3 tests/data/make_malformed_midi.py
"""
import pathlib
import random
import struct

OUT = pathlib.Path(__file__).resolve().parent / "malformed"


def header(fmt=0, tracks=1, division=96, length=6):
    return b"MThd" + struct.pack(">I", length) + struct.pack(">HHH", fmt, tracks, division)


def chunk(tag, body, declared=None):
    return tag + struct.pack(">I", len(body) if declared is None else declared) + body


END = bytes([0x00, 0xFF, 0x2F, 0x00])
NOTE = bytes([0x00, 0x90, 60, 90, 0x60, 0x80, 60, 0])


def track(body):
    return chunk(b"MTrk", body)


FILES = {
    "empty.mid": b"",
    "text-file.mid": b"This is a text file with a .mid name, not a MIDI file.\n",
    "random-bytes.mid": random.Random(2).randbytes(64),
    "wav-file.mid": b"RIFF" + struct.pack("<I", 36) + b"WAVEfmt " + bytes(20),
    "truncated-header.mid": header()[:10],
    "short-header-length.mid": b"MThd" + struct.pack(">I", 2) + b"\x00\x00" + track(NOTE + END),
    "unknown-format.mid": header(fmt=7) + track(NOTE + END),
    "zero-division.mid": header(division=0) + track(NOTE + END),
    "smpte-zero-ticks.mid": header(division=0xE700) + track(NOTE + END),
    "no-tracks.mid": header(tracks=0),
    "truncated-track.mid": header() + chunk(b"MTrk", NOTE, declared=20),
    "truncated-chunk-header.mid": header(tracks=2) + track(NOTE + END) + b"MTr",
    "huge-chunk-length.mid": header(fmt=1, tracks=2) + track(NOTE + END) + chunk(b"MTrk", END, declared=0xFFFFFFF0),
    "huge-meta-length.mid": header() + track(bytes([0x00, 0xFF, 0x01, 0xFF, 0xFF, 0xFF, 0x7F]) + b"abc" + END),
    "huge-sysex-length.mid": header() + track(bytes([0x00, 0xF0, 0xFF, 0xFF, 0xFF, 0x7F, 0x7E, 0xF7]) + END),
    "vlq-overflow.mid": header() + track(bytes([0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x90, 60, 90]) + END),
    "data-byte-without-status.mid": header() + track(bytes([0x00, 60, 90, 0x60, 60, 0]) + END),
    "system-byte.mid": header() + track(bytes([0x00, 0xF8, 0x00, 0x90, 60, 90]) + END),
    "status-byte-as-data.mid": header() + track(bytes([0x00, 0x90, 60, 0x90, 0x60, 0x80, 60, 0]) + END),
    "track-ends-inside-event.mid": header(fmt=1, tracks=2) + track(bytes([0x00, 0x90, 60])) + track(NOTE + END),
    "riff-without-data.rmi": b"RIFF" + struct.pack("<I", 16) + b"RMID" + b"LIST" + struct.pack("<I", 4) + b"INFO",
}

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, content in FILES.items():
        (OUT / name).write_bytes(content)
        print(f"wrote {OUT / name}")
