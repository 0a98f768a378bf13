// Day or night by the listener's clock: 0 is deep night, 1 full day, with a
// dawn from 5 to 8 and a dusk from 17 to 20 (smoothstep between them).

function smoothstep(low: number, high: number, value: number): number {
  const t = Math.min(1, Math.max(0, (value - low) / (high - low)));
  return t * t * (3 - 2 * t);
}

/** How much daylight there is at an hour of the day (0-24, fractions allowed). */
export function daylightAt(hour: number): number {
  const wrapped = ((hour % 24) + 24) % 24;
  return wrapped < 12 ? smoothstep(5, 8, wrapped) : 1 - smoothstep(17, 20, wrapped);
}

/** The hour now on the listener's clock, with minutes as a fraction. */
export function hourNow(date = new Date()): number {
  return date.getHours() + date.getMinutes() / 60;
}
