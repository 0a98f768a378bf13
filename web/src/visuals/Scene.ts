// One scene per ambience: the world seen through the room's window, and what
// it adds to the room itself (a fire in the fireplace). The room around it is
// `Room`; `Stage` puts the two together every frame.
import type { Rect, RoomLayout } from "./RoomLayout";

export interface Pulse {
  /** 0 to 1: how loud the music is right now (drums and notes, decaying). */
  energy: number;
}

export interface Frame {
  /** Time since the page began, and since the last frame, in seconds. */
  seconds: number;
  delta: number;
  pulse: Pulse;
  /** 0 deep night to 1 full day, from the listener's clock. */
  daylight: number;
  /** 0.25 to 1: how many particles to draw; lowered when frames come too slowly. */
  detail: number;
}

export type Furniture = "shelf" | "fireplace";

export interface Scene {
  readonly name: string;
  /** What stands beside the window. */
  readonly furniture: Furniture;
  /** Draws the view through the window; the context is already clipped to `view`. */
  drawView(context: CanvasRenderingContext2D, view: Rect, frame: Frame): void;
  /** Draws what moves in the room itself, over the furniture. */
  drawRoom?(context: CanvasRenderingContext2D, room: RoomLayout, frame: Frame): void;
}

export function verticalGradient(context: CanvasRenderingContext2D, top: number, height: number, stops: Array<[number, string]>): CanvasGradient {
  const gradient = context.createLinearGradient(0, top, 0, top + height);
  for (const [offset, color] of stops) gradient.addColorStop(offset, color);
  return gradient;
}
