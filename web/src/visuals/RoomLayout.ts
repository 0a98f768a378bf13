// Where things stand in the room, for a window of any shape: a window on the
// back wall, a desk under it, a tall piece of furniture (a bookshelf, or the
// fireplace) beside it, and the floor. Wide screens put the furniture to the
// right; tall ones (phones) stack the window over a narrower desk.

export interface Rect { x: number; y: number; width: number; height: number }

export interface RoomLayout {
  width: number;
  height: number;
  window: Rect;
  desk: Rect;
  side: Rect;
  floorY: number;
  /** The lamp's bulb, the room's light at night. */
  lamp: { x: number; y: number; size: number };
  /** Where the cat sleeps on the desk. */
  cat: { x: number; y: number; size: number };
}

function rect(x: number, y: number, width: number, height: number): Rect {
  return { x, y, width, height };
}

export function roomLayout(width: number, height: number): RoomLayout {
  const tall = height > width * 1.2;
  const floorY = height * (tall ? 0.9 : 0.86);
  const window = tall ? rect(width * 0.1, height * 0.07, width * 0.8, height * 0.36) : rect(width * 0.1, height * 0.1, width * 0.44, height * 0.48);
  const deskTop = tall ? height * 0.66 : height * 0.68;
  const desk = tall ? rect(width * 0.02, deskTop, width * 0.6, floorY - deskTop) : rect(width * 0.04, deskTop, width * 0.58, floorY - deskTop);
  const sideTop = tall ? height * 0.5 : height * 0.22;
  const side = tall ? rect(width * 0.64, sideTop, width * 0.33, floorY - sideTop) : rect(width * 0.7, sideTop, width * 0.24, floorY - sideTop);
  const unit = Math.min(width, height);
  const lamp = { x: desk.x + desk.width * 0.84, y: deskTop - unit * 0.16, size: unit * 0.05 };
  const cat = { x: desk.x + desk.width * (tall ? 0.38 : 0.46), y: deskTop, size: unit * (tall ? 0.1 : 0.075) };
  return { width, height, window, desk, side, floorY, lamp, cat };
}
