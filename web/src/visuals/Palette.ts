// Colours for scenes that change with the light: each colour is given for day
// and night and mixed by the daylight (0 night, 1 day).

export type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace("#", ""), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function mixRgb(from: Rgb, to: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((index) => Math.round(from[index]! + (to[index]! - from[index]!) * amount)) as Rgb;
}

export function rgba([red, green, blue]: Rgb, alpha = 1): string {
  return alpha >= 1 ? `rgb(${red}, ${green}, ${blue})` : `rgba(${red}, ${green}, ${blue}, ${alpha.toFixed(3)})`;
}

/** The night colour mixed towards the day colour by `daylight`. */
export function byLight(night: string, day: string, daylight: number, alpha = 1): string {
  return rgba(mixRgb(hexToRgb(night), hexToRgb(day), daylight), alpha);
}

/** A day colour as it looks at night: darker and bluer, the way a room looks with the lamp off. */
export function dusk(day: string, daylight: number, alpha = 1): string {
  const base = hexToRgb(day);
  const night: Rgb = [base[0] * 0.28 + 14, base[1] * 0.26 + 12, base[2] * 0.34 + 24];
  return rgba(mixRgb(night, base, 0.15 + 0.85 * daylight), alpha);
}
