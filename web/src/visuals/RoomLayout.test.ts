import { describe, expect, it } from "vitest";
import { type Rect, roomLayout } from "./RoomLayout";

function inside(inner: Rect, width: number, height: number): boolean {
  return inner.x >= 0 && inner.y >= 0 && inner.x + inner.width <= width && inner.y + inner.height <= height;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe("roomLayout", () => {
  for (const [width, height] of [[1280, 800], [390, 844], [1920, 1080], [360, 640]] as const) {
    it(`keeps window, desk and furniture on a ${width}x${height} screen, apart`, () => {
      const room = roomLayout(width, height);
      for (const part of [room.window, room.desk, room.side]) expect(inside(part, width, height)).toBe(true);
      expect(overlaps(room.window, room.desk)).toBe(false);
      expect(overlaps(room.desk, room.side)).toBe(false);
      expect(room.desk.y + room.desk.height).toBeCloseTo(room.floorY);
      expect(room.lamp.y).toBeLessThan(room.desk.y);
    });
  }
});
