// What several views share: the sky by the hour, the sun or the moon, stars,
// soft clouds, and a city skyline whose windows light up at night.
import { SeededRandom } from "../core/SeededRandom";
import { byLight } from "./Palette";
import type { Rect } from "./RoomLayout";
import { verticalGradient } from "./Scene";

export interface SkyColors { nightTop: string; nightBottom: string; dayTop: string; dayBottom: string }

export const CLEAR_SKY: SkyColors = { nightTop: "#0e1230", nightBottom: "#3a2f55", dayTop: "#8fb8dc", dayBottom: "#f6d3b3" };

export function drawSky(context: CanvasRenderingContext2D, view: Rect, daylight: number, colors: SkyColors = CLEAR_SKY): void {
  context.fillStyle = verticalGradient(context, view.y, view.height, [
    [0, byLight(colors.nightTop, colors.dayTop, daylight)],
    [1, byLight(colors.nightBottom, colors.dayBottom, daylight)],
  ]);
  context.fillRect(view.x, view.y, view.width, view.height);
}

/** The sun by day, the moon by night, with a soft halo; `glow` brightens the halo (the beat). */
export function drawSunOrMoon(context: CanvasRenderingContext2D, x: number, y: number, radius: number, daylight: number, glow = 0): void {
  const halo = context.createRadialGradient(x, y, radius * 0.5, x, y, radius * (3.2 + glow));
  halo.addColorStop(0, byLight("#f6eccb", "#fff1c9", daylight, 0.35 + glow * 0.2));
  halo.addColorStop(1, byLight("#f6eccb", "#fff1c9", daylight, 0));
  context.fillStyle = halo;
  context.fillRect(x - radius * 5, y - radius * 5, radius * 10, radius * 10);
  context.fillStyle = byLight("#f4eed8", "#fff4d6", daylight);
  context.beginPath();
  context.arc(x, y, radius, 0, Math.PI * 2);
  context.fill();
}

export class Stars {
  private readonly stars: Array<{ x: number; y: number; size: number; phase: number }> = [];

  constructor(seed: number, count = 70) {
    const random = new SeededRandom(seed);
    for (let index = 0; index < count; index++) this.stars.push({ x: random.next(), y: random.next() * 0.6, size: random.between(0.6, 1.8), phase: random.next() * 6 });
  }

  draw(context: CanvasRenderingContext2D, view: Rect, seconds: number, visibility: number): void {
    if (visibility <= 0.02) return;
    for (const star of this.stars) {
      const twinkle = 0.55 + 0.45 * Math.sin(seconds * 1.7 + star.phase);
      context.fillStyle = `rgba(255, 244, 220, ${(visibility * twinkle).toFixed(3)})`;
      context.fillRect(view.x + star.x * view.width, view.y + star.y * view.height, star.size, star.size);
    }
  }
}

export class Clouds {
  private readonly clouds: Array<{ x: number; y: number; size: number; speed: number }> = [];

  constructor(seed: number, count = 5) {
    const random = new SeededRandom(seed);
    for (let index = 0; index < count; index++) this.clouds.push({ x: random.next(), y: random.between(0.08, 0.4), size: random.between(0.08, 0.16), speed: random.between(0.004, 0.012) });
  }

  draw(context: CanvasRenderingContext2D, view: Rect, seconds: number, color: string): void {
    context.fillStyle = color;
    for (const cloud of this.clouds) {
      const x = view.x + (((cloud.x + seconds * cloud.speed) % 1.3) - 0.15) * view.width;
      const y = view.y + cloud.y * view.height;
      const size = cloud.size * view.width;
      context.beginPath();
      for (const [dx, dy, radiusX, radiusY] of [[0, 0, 1, 0.32], [0.45, -0.18, 0.5, 0.3], [-0.4, -0.1, 0.42, 0.24]] as const) {
        // Each puff its own closed shape, so no line joins them.
        context.moveTo(x + (dx + radiusX) * size, y + dy * size);
        context.ellipse(x + dx * size, y + dy * size, radiusX * size, radiusY * size, 0, 0, Math.PI * 2);
      }
      context.fill();
    }
  }
}

interface Building { x: number; width: number; height: number; windows: Array<{ column: number; row: number; phase: number }> }

/** A row of buildings across the bottom of a view, with lit windows. */
export class Skyline {
  private readonly buildings: Building[] = [];

  constructor(seed: number, tallest = 0.55) {
    const random = new SeededRandom(seed);
    let x = -0.02;
    while (x < 1) {
      const width = random.between(0.06, 0.14);
      const height = random.between(0.18, tallest);
      const windows: Building["windows"] = [];
      for (let column = 0; column < 3; column++)
        for (let row = 0; row < 8; row++) if (random.next() < 0.45) windows.push({ column, row, phase: random.next() * 40 });
      this.buildings.push({ x, width, height, windows });
      x += width + random.between(0, 0.02);
    }
  }

  /** `lit` 0-1: how many windows glow (night); `flash` brightens them on the beat. */
  draw(context: CanvasRenderingContext2D, view: Rect, baseY: number, color: string, lit: number, seconds: number, flash = 0): void {
    context.fillStyle = color;
    for (const building of this.buildings) {
      context.fillRect(view.x + building.x * view.width, baseY - building.height * view.height, building.width * view.width, building.height * view.height);
    }
    if (lit <= 0.02) return;
    for (const building of this.buildings) {
      const left = view.x + building.x * view.width;
      const top = baseY - building.height * view.height;
      const cellWidth = (building.width * view.width) / 3;
      const cellHeight = Math.max(4, view.height * 0.03);
      for (const window of building.windows) {
        const y = top + cellHeight * (0.6 + window.row * 1.4);
        if (y > baseY - cellHeight) continue;
        // A window goes dark now and then, as people come and go.
        const on = Math.sin(seconds * 0.05 + window.phase) > -0.6;
        if (!on) continue;
        context.fillStyle = `rgba(255, ${196 + (window.column * 17) % 40}, 120, ${(lit * (0.55 + flash * 0.4)).toFixed(3)})`;
        context.fillRect(left + cellWidth * (window.column + 0.3), y, cellWidth * 0.4, cellHeight * 0.7);
      }
    }
  }
}
