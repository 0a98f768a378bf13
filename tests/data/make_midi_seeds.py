#!/usr/bin/python3
"""Writes the small valid MIDI files that seed the fuzzer (tests/data/midi-seeds).

Each file exercises one part of the reader. They are written with mido, an
independent writer, plus a few byte-level wrappers mido does not produce
(SMPTE time division, an unknown chunk, RIFF). Run with Debian's python3:
    /usr/bin/python3 tests/data/make_midi_seeds.py
"""
import io
import pathlib
import struct

import mido
from mido import Message, MetaMessage, MidiFile, MidiTrack

OUT = pathlib.Path(__file__).resolve().parent / "midi-seeds"


def to_bytes(midi):
    buffer = io.BytesIO()
    midi.save(file=buffer)
    return buffer.getvalue()


def format0_running_status():
    # mido writes running status for repeated channel status bytes.
    track = MidiTrack([MetaMessage("set_tempo", tempo=600000, time=0)])
    for i, pitch in enumerate([60, 62, 64, 65]):
        track.append(Message("note_on", note=pitch, velocity=80, time=0))
        track.append(Message("note_on", note=pitch, velocity=0, time=96))  # velocity 0 ends a note
    midi = MidiFile(type=0, ticks_per_beat=96)
    midi.tracks.append(track)
    return to_bytes(midi)


def format1_band():
    # Tempo change, meter, key, labels; a named piano, a bass and a drum part.
    conductor = MidiTrack([
        MetaMessage("set_tempo", tempo=750000, time=0),
        MetaMessage("time_signature", numerator=3, denominator=4, time=0),
        MetaMessage("key_signature", key="Eb", time=0),
        MetaMessage("marker", text="Ebmaj7", time=0),
        MetaMessage("text", text="verse", time=0),
        MetaMessage("set_tempo", tempo=500000, time=1440),
        MetaMessage("marker", text="Cm7", time=0),
        MetaMessage("lyrics", text="la", time=0),
    ])
    piano = MidiTrack([MetaMessage("track_name", name="Rhodes", time=0),
                       Message("program_change", program=4, time=0)])
    for pitch in (51, 55, 58, 62):
        piano.append(Message("note_on", note=pitch, velocity=70, time=0))
    piano.append(Message("note_off", note=51, time=1440))
    for pitch in (55, 58, 62):
        piano.append(Message("note_off", note=pitch, time=0))
    bass = MidiTrack([MetaMessage("track_name", name="Bass", time=0),
                      Message("program_change", channel=1, program=33, time=0),
                      Message("note_on", channel=1, note=39, velocity=90, time=0),
                      Message("note_off", channel=1, note=39, time=960),
                      Message("note_on", channel=1, note=36, velocity=90, time=480),
                      Message("note_off", channel=1, note=36, time=480)])
    drums = MidiTrack([MetaMessage("track_name", name="Drums", time=0)])
    for beat in range(6):
        drums.append(Message("note_on", channel=9, note=36 if beat % 3 == 0 else 42, velocity=100,
                             time=0 if beat == 0 else 420))
        drums.append(Message("note_off", channel=9, note=36 if beat % 3 == 0 else 42, time=60))
    midi = MidiFile(type=1, ticks_per_beat=480)
    midi.tracks.extend([conductor, piano, bass, drums])
    return to_bytes(midi)


def overlapping_notes():
    # The same pitch struck again before it was released, and a zero-length note.
    track = MidiTrack([
        Message("note_on", note=60, velocity=100, time=0),
        Message("note_on", note=60, velocity=50, time=10),
        Message("note_off", note=60, time=10),
        Message("note_off", note=60, time=10),
        Message("note_on", note=67, velocity=60, time=0),
        Message("note_off", note=67, time=0),
        Message("note_on", note=72, velocity=60, time=5),  # never released: ends with its track
        MetaMessage("end_of_track", time=40),
    ])
    midi = MidiFile(type=1, ticks_per_beat=120)
    midi.tracks.append(track)
    return to_bytes(midi)


def controllers():
    track = MidiTrack([
        Message("control_change", control=64, value=127, time=0),
        Message("pitchwheel", pitch=-2000, time=0),
        Message("aftertouch", value=30, time=0),
        Message("polytouch", note=60, value=20, time=0),
        Message("note_on", note=60, velocity=64, time=0),
        Message("pitchwheel", pitch=4000, time=30),
        Message("note_off", note=60, time=30),
        Message("control_change", control=64, value=0, time=0),
    ])
    midi = MidiFile(type=0, ticks_per_beat=240)
    midi.tracks.append(track)
    return to_bytes(midi)


def chunk(tag, body):
    return tag + struct.pack(">I", len(body)) + body


def sysex_and_unknown_chunk():
    # A SysEx, a sequencer-specific meta event, then an unknown chunk before the track.
    track = MidiTrack([
        Message("sysex", data=[0x7E, 0x7F, 0x09, 0x01], time=0),
        MetaMessage("sequencer_specific", data=[0x00, 0x20, 0x29], time=0),
        Message("note_on", note=64, velocity=70, time=0),
        Message("note_off", note=64, time=48),
    ])
    midi = MidiFile(type=0, ticks_per_beat=48)
    midi.tracks.append(track)
    raw = to_bytes(midi)
    header, rest = raw[:14], raw[14:]
    return header + chunk(b"XFIH", b"\x01\x02\x03") + rest


def smpte_division():
    # Time division 0xE728: 25 frames per second, 40 ticks per frame.
    body = bytes([0x00, 0x90, 60, 80, 0x81, 0x00, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00])
    return chunk(b"MThd", struct.pack(">HHH", 0, 1, 0xE728)) + chunk(b"MTrk", body)


def riff_wrapped():
    smf = format0_running_status()
    data = b"data" + struct.pack("<I", len(smf)) + smf
    return b"RIFF" + struct.pack("<I", 4 + len(data)) + b"RMID" + data


SEEDS = {
    "format0-running-status.mid": format0_running_status,
    "format1-band.mid": format1_band,
    "overlapping-notes.mid": overlapping_notes,
    "controllers.mid": controllers,
    "sysex-and-unknown-chunk.mid": sysex_and_unknown_chunk,
    "smpte-division.mid": smpte_division,
    "riff-wrapped.rmi": riff_wrapped,
}

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in SEEDS.items():
        (OUT / name).write_bytes(make())
        print(f"wrote {OUT / name}")
