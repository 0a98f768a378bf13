#!/usr/bin/python3
"""Reads a MIDI file with mido (Debian's python3-mido) and prints what it sees
as JSON, so that tests can check that other programs open the files we write.

    /usr/bin/python3 tests/mido_read.py FILE.mid

Prints {"type", "ticks_per_beat", "tempos": [[tick, microseconds]],
"time_signatures": [[tick, numerator, denominator]], "key_signatures": [[tick, key]],
"labels": [[tick, kind, text]], "tracks": [{"name", "programs": [[tick, channel, program]],
"notes": [[start, end, pitch, velocity, channel]]}]}. Notes are paired here,
independently of our reader: first in, first out per channel and pitch.
"""
import collections
import json
import sys

import mido


def read_track(track, song):
    name = None
    programs = []
    notes = []
    sounding = collections.defaultdict(collections.deque)
    tick = 0
    for message in track:
        tick += message.time
        if message.type == "track_name" and name is None:
            name = message.name
        elif message.type == "set_tempo":
            song["tempos"].append([tick, message.tempo])
        elif message.type == "time_signature":
            song["time_signatures"].append([tick, message.numerator, message.denominator])
        elif message.type == "key_signature":
            song["key_signatures"].append([tick, message.key])
        elif message.type in ("marker", "text", "lyrics"):
            song["labels"].append([tick, message.type, message.text])
        elif message.type == "program_change":
            programs.append([tick, message.channel, message.program])
        elif message.type == "note_on" and message.velocity > 0:
            sounding[(message.channel, message.note)].append((tick, message.velocity))
        elif message.type in ("note_on", "note_off"):
            started = sounding[(message.channel, message.note)]
            if started:
                start, velocity = started.popleft()
                notes.append([start, tick, message.note, velocity, message.channel])
    notes.sort()
    return {"name": name, "programs": programs, "notes": notes}


def main():
    midi = mido.MidiFile(sys.argv[1])
    song = {"type": midi.type, "ticks_per_beat": midi.ticks_per_beat, "tempos": [], "time_signatures": [],
            "key_signatures": [], "labels": []}
    song["tracks"] = [read_track(track, song) for track in midi.tracks]
    json.dump(song, sys.stdout)


if __name__ == "__main__":
    main()
