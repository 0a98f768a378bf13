// A background drawn live on a 2D canvas, one per ambience.

export interface Pulse {
  /** 0 to 1: how loud the music is right now (drums and notes, decaying). */
  energy: number;
}

export interface Scene {
  readonly name: string;
  /** Draws one frame; `seconds` is the time since the page began, `delta` since the last frame. */
  draw(context: CanvasRenderingContext2D, width: number, height: number, seconds: number, delta: number, pulse: Pulse): void;
}

export function verticalGradient(context: CanvasRenderingContext2D, height: number, stops: Array<[number, string]>): CanvasGradient {
  const gradient = context.createLinearGradient(0, 0, 0, height);
  for (const [offset, color] of stops) gradient.addColorStop(offset, color);
  return gradient;
}
