// Musical time as Tone.js Transport reads it: "bars:quarters:sixteenths",
// counted from zero ("2:1:0" is the third bar, second beat). The one place in
// the page where such strings are read and written; the C++ side has the twin
// in src/music/transport_time.cpp and both must agree.

export const QUARTERS_PER_BAR = 4;
export const SIXTEENTHS_PER_BAR = QUARTERS_PER_BAR * 4;

export class TransportTimeError extends Error {
  constructor(text: string, why: string) {
    super(`transport time '${text}': ${why}`);
    this.name = "TransportTimeError";
  }
}

function parseField(text: string, field: string, allowFraction: boolean): number {
  if (!/^\d+(\.\d+)?$/.test(field)) {
    throw new TransportTimeError(text, `'${field}' is not a number`);
  }
  const value = Number(field);
  if (!allowFraction && !Number.isInteger(value)) {
    throw new TransportTimeError(text, "bars and quarters must be whole numbers");
  }
  return value;
}

/** Quarter notes from the start. Sixteenths may be fractional ("0:0:1.5"). */
export function parseTransportTime(text: string, quartersPerBar = QUARTERS_PER_BAR): number {
  const fields = text.split(":");
  if (fields.length !== 3) throw new TransportTimeError(text, "expected bars:quarters:sixteenths");
  const [bars, quarters, sixteenths] = fields as [string, string, string];
  return (
    parseField(text, bars, false) * quartersPerBar +
    parseField(text, quarters, false) +
    parseField(text, sixteenths, true) / 4
  );
}

/** The inverse; sixteenths are written with at most three decimals. */
export function formatTransportTime(quarters: number, quartersPerBar = QUARTERS_PER_BAR): string {
  const clamped = Math.max(0, quarters);
  // Round to a thousandth of a sixteenth first so that 0.99999 does not print as 0:0:3.99999.
  const totalSixteenths = Math.round(clamped * 4 * 1000) / 1000;
  const wholeSixteenths = Math.floor(totalSixteenths + 1e-9);
  const sixteenthsPerBar = 4 * quartersPerBar;
  const bars = Math.floor(wholeSixteenths / sixteenthsPerBar);
  const quarter = Math.floor((wholeSixteenths % sixteenthsPerBar) / 4);
  const sixteenth = totalSixteenths - (bars * sixteenthsPerBar + quarter * 4);
  const sixteenthText = Number.isInteger(Math.round(sixteenth * 1000) / 1000)
    ? String(Math.round(sixteenth))
    : String(Math.round(sixteenth * 1000) / 1000);
  return `${bars}:${quarter}:${sixteenthText}`;
}

/** Whole bars of a length such as "4:0:0" (used for loop lengths). */
export function barsToTransportTime(bars: number): string {
  return `${bars}:0:0`;
}

/** How long `bars` bars last at a steady `bpm`. */
export function secondsOfBars(bars: number, bpm: number): number {
  return (bars * QUARTERS_PER_BAR * 60) / bpm;
}
