// When a drum hit may start. Tone.js refuses to start a player twice at one
// time ("Start time must be strictly greater than previous start time"); that
// happens when the main thread was busy (decoding a new ambience, say) and
// several late sixteenth ticks run in one go: each late hit is moved to "now",
// the same now. A late hit that would land on or before its drum's previous
// start is dropped: a missing hat is kinder than an error or a flam.

/** The time to start a hit wanted at `wanted`, or undefined to drop it. */
export function hitStartTime(wanted: number, now: number, previousStart: number | undefined): number | undefined {
  const when = Math.max(now, wanted);
  if (previousStart !== undefined && when <= previousStart) return undefined;
  return when;
}
