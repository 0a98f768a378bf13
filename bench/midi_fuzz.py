#!/usr/bin/python3
"""Seeded generator of varied MIDI files for differential testing against music21.

Usage: /usr/bin/python3 bench/midi_fuzz.py --count N --seed S --out DIR

File i of seed S is made from random.Random(f"{S}:{i}") alone, so
`--seed S --first i --count 1` makes one failing file again. Each file mixes
what music21's MIDI import treats specially: format 0 or 1, one to many
tracks, program changes, track and instrument names (General MIDI names,
names music21 cannot map, several tracks of one instrument, empty tracks),
channels including drums (10), chords with staggered releases, overlapping
voices, notes across barlines, very short and very long notes, triplets and
other off-grid onsets, tempo and meter changes, pickups, velocity-0
note-offs. mido writes channel messages with running status.

Written in Python with mido (Debian's python3-mido, already a test package)
because mido writes every byte-level form we want (running status, note-on
velocity 0, format 0 with channels mixed) with a few lines each.
"""
import argparse
import os
import random

import mido

KNOWN_NAMES = ["Piano", "Acoustic Grand Piano", "Electric Piano", "Violin", "Flute",
               "Acoustic Bass", "Electric Bass", "Guitar", "Strings", "Trumpet",
               "Clarinet", "Vibraphone", "Organ", "Voice", "Piano RH", "Piano LH"]
UNKNOWN_NAMES = ["Keys", "Melody", "Comp", "Track 1", "lead", "Pad", "xyz", "Chords"]


def random_name(rng):
    return rng.choice(KNOWN_NAMES if rng.random() < 0.6 else UNKNOWN_NAMES)


def random_duration(rng, tpq):
    """Note lengths from a hundredth of a quarter to several bars."""
    kind = rng.random()
    if kind < 0.05:
        return max(1, rng.randint(1, tpq // 16))               # very short
    if kind < 0.10:
        return tpq * rng.randint(5, 24)                         # very long, across barlines
    if kind < 0.25:
        return rng.choice([tpq // 3, 2 * tpq // 3, tpq // 6])   # triplets
    if kind < 0.35:
        return rng.randint(tpq // 8, 3 * tpq)                   # anywhere
    return rng.choice([tpq // 4, tpq // 2, tpq, 3 * tpq // 2, 2 * tpq, 4 * tpq])


def random_step(rng, tpq):
    kind = rng.random()
    if kind < 0.15:
        return rng.choice([tpq // 3, 2 * tpq // 3])             # triplet grid
    if kind < 0.25:
        return rng.randint(0, tpq)                              # off-grid
    if kind < 0.30:
        return tpq * rng.randint(2, 8)                          # silence
    return rng.choice([tpq // 4, tpq // 2, tpq, tpq, 2 * tpq])


def make_notes(rng, tpq, channel, length_ticks, drum):
    """(onset, end, channel, pitch, velocity) of one voice-rich line."""
    notes = []
    tick = rng.choice([0, 0, 0, tpq // 2, tpq, 3 * tpq])      # pickups and late starts
    low, high = (35, 81) if drum else rng.choice([(36, 60), (48, 72), (60, 90), (21, 108)])
    chord_rate = rng.random() * 0.6
    while tick < length_ticks:
        duration = random_duration(rng, tpq)
        if rng.random() < chord_rate:
            size = rng.randint(2, 5)
            pitches = rng.sample(range(low, high + 1), min(size, high - low + 1))
            staggered = rng.random() < 0.4
            jitter = rng.random() < 0.2
            for pitch in pitches:
                onset = tick + (rng.randint(0, tpq // 10) if jitter else 0)
                end = onset + (duration + rng.randint(-tpq // 2, tpq) if staggered else duration)
                notes.append((onset, max(onset + 1, end), channel, pitch, rng.randint(1, 127)))
        else:
            pitch = rng.randint(low, high)
            notes.append((tick, tick + duration, channel, pitch, rng.randint(1, 127)))
        if rng.random() < 0.15:                                 # a second voice over this one
            pitch = rng.randint(low, high)
            onset = tick + rng.randint(0, duration)
            notes.append((onset, onset + random_duration(rng, tpq), channel, pitch, 64))
        tick += random_step(rng, tpq)
    return notes


def note_messages(notes, use_velocity_zero):
    """Absolute-tick events; note-offs before note-ons at one tick, as MIDI writers do."""
    events = []
    for onset, end, channel, pitch, velocity in notes:
        events.append((onset, 1, mido.Message("note_on", channel=channel, note=pitch, velocity=velocity)))
        if use_velocity_zero:
            off = mido.Message("note_on", channel=channel, note=pitch, velocity=0)
        else:
            off = mido.Message("note_off", channel=channel, note=pitch, velocity=64)
        events.append((end, 0, off))
    return events


def conductor_events(rng, tpq, length_ticks):
    events = [(0, 0, mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(rng.choice([60, 72, 85, 90, 120, 140]))))]
    meters = [(4, 4), (3, 4), (6, 8), (2, 4), (5, 4), (7, 8), (12, 8), (2, 2)]
    if rng.random() < 0.8:
        numerator, denominator = rng.choice(meters)
        events.append((0, 0, mido.MetaMessage("time_signature", numerator=numerator, denominator=denominator)))
    for _ in range(rng.choice([0, 0, 1, 2, 3])):                 # tempo and meter changes
        tick = rng.randrange(0, length_ticks, tpq)
        if rng.random() < 0.5:
            events.append((tick, 0, mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(rng.randint(50, 180)))))
        else:
            numerator, denominator = rng.choice(meters)
            events.append((tick, 0, mido.MetaMessage("time_signature", numerator=numerator, denominator=denominator)))
    if rng.random() < 0.3:
        events.append((0, 0, mido.MetaMessage("key_signature", key=rng.choice(["C", "G", "F", "Bb", "Am", "E"]))))
    return events


def to_track(events):
    events.sort(key=lambda event: (event[0], event[1]))
    track = mido.MidiTrack()
    last = 0
    for tick, _, message in events:
        track.append(message.copy(time=tick - last))
        last = tick
    return track


def instrument_events(rng, channel, drum):
    events = []
    if rng.random() < 0.7:
        events.append((0, 0, mido.MetaMessage("track_name", name=random_name(rng))))
    if rng.random() < 0.2:
        events.append((0, 0, mido.MetaMessage("instrument_name", name=random_name(rng))))
    if not drum and rng.random() < 0.7:
        events.append((0, 0, mido.Message("program_change", channel=channel, program=rng.randrange(128))))
    return events


def make_file(rng):
    tpq = rng.choice([96, 120, 192, 220, 384, 480, 960])
    length_ticks = tpq * rng.randint(4, 40)
    midi_format = 0 if rng.random() < 0.3 else 1
    part_count = rng.choice([1, 1, 2, 2, 3, 4, 6])
    shared_program = rng.randrange(128) if rng.random() < 0.25 else None
    use_velocity_zero = rng.random() < 0.5
    parts = []
    for index in range(part_count):
        drum = rng.random() < 0.15
        channel = 9 if drum else index % 9
        events = instrument_events(rng, channel, drum)
        if shared_program is not None and not drum:             # several tracks of one instrument
            events.append((0, 0, mido.Message("program_change", channel=channel, program=shared_program)))
        if rng.random() < 0.1:                                  # a program change mid-track
            events.append((rng.randrange(0, length_ticks), 0,
                           mido.Message("program_change", channel=channel, program=rng.randrange(128))))
        if rng.random() > 0.08:                                 # else an empty track
            events += note_messages(make_notes(rng, tpq, channel, length_ticks, drum), use_velocity_zero)
        parts.append(events)
    conductor = conductor_events(rng, tpq, length_ticks)
    midi = mido.MidiFile(type=midi_format, ticks_per_beat=tpq)
    if midi_format == 0:
        midi.tracks.append(to_track(conductor + [event for part in parts for event in part]))
    else:
        if rng.random() < 0.8:
            midi.tracks.append(to_track(conductor))
            tracks = [to_track(part) for part in parts]
        else:                                                   # conductor events inside the first part
            tracks = [to_track(conductor + parts[0])] + [to_track(part) for part in parts[1:]]
        midi.tracks.extend(tracks)
    return midi


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="index of the first file")
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    for index in range(arguments.first, arguments.first + arguments.count):
        rng = random.Random(f"{arguments.seed}:{index}")
        make_file(rng).save(os.path.join(arguments.out, f"fuzz-{arguments.seed}-{index:05d}.mid"))


if __name__ == "__main__":
    main()
