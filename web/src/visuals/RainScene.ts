// Rain: a grey city through the window, rain falling past it, and drops on the
// glass that gather, then run down leaving a trail.
import { SeededRandom } from "../core/SeededRandom";
import { byLight } from "./Palette";
import type { Rect } from "./RoomLayout";
import type { Frame, Scene } from "./Scene";
import { drawSky, Skyline } from "./Sky";

interface Streak { x: number; y: number; speed: number; depth: number }
interface GlassDrop { x: number; y: number; size: number; speed: number; wait: number; trail: number }

const RAIN_SKY = { nightTop: "#121829", nightBottom: "#2a2d45", dayTop: "#7f8fa3", dayBottom: "#b8bcc4" };

export class RainScene implements Scene {
  readonly name = "rain";
  readonly furniture = "shelf";
  private readonly streaks: Streak[] = [];
  private readonly glass: GlassDrop[] = [];
  private readonly random: SeededRandom;
  private readonly far = new Skyline(21, 0.4);
  private readonly near = new Skyline(22, 0.6);

  constructor(seed = 1) {
    this.random = new SeededRandom(seed);
    for (let index = 0; index < 140; index++) this.streaks.push({ x: this.random.next(), y: this.random.next(), speed: 0, depth: 0 });
    for (const streak of this.streaks) Object.assign(streak, this.streak(streak.y));
    for (let index = 0; index < 46; index++) this.glass.push(this.glassDrop(this.random.next()));
  }

  private streak(y: number): Streak {
    const depth = this.random.between(0.3, 1);
    return { x: this.random.next(), y, speed: 0.9 + depth * 1.1, depth };
  }

  private glassDrop(y: number): GlassDrop {
    return { x: this.random.next(), y, size: this.random.between(0.8, 2.6), speed: 0, wait: this.random.between(0, 6), trail: 0 };
  }

  drawView(context: CanvasRenderingContext2D, view: Rect, frame: Frame): void {
    const { daylight, seconds, delta, detail } = frame;
    drawSky(context, view, daylight, RAIN_SKY);
    const baseY = view.y + view.height;
    this.far.draw(context, view, baseY, byLight("#1d2236", "#98a1ae", daylight), (1 - daylight) * 0.5, seconds);
    this.near.draw(context, view, baseY, byLight("#141827", "#6f7987", daylight), 1 - daylight, seconds, frame.pulse.energy);
    // A mist over the city.
    context.fillStyle = byLight("#2a3150", "#c9ccd2", daylight, 0.28);
    context.fillRect(view.x, view.y + view.height * 0.55, view.width, view.height * 0.45);
    // Rain falling outside, a few slanted lines.
    context.lineWidth = 1;
    context.strokeStyle = byLight("#9fb2d8", "#eef2f8", daylight, 0.35);
    context.beginPath();
    const shown = Math.round(this.streaks.length * detail);
    for (let index = 0; index < shown; index++) {
      const streak = this.streaks[index]!;
      streak.y += streak.speed * delta;
      if (streak.y > 1.05) Object.assign(streak, this.streak(-0.05));
      const x = view.x + streak.x * view.width;
      const y = view.y + streak.y * view.height;
      const length = view.height * 0.04 * streak.depth;
      context.moveTo(x, y);
      context.lineTo(x - length * 0.15, y - length);
    }
    context.stroke();
    this.drawGlass(context, view, frame);
  }

  /** Drops on the pane: most sit still, one now and then gives way and runs. */
  private drawGlass(context: CanvasRenderingContext2D, view: Rect, frame: Frame): void {
    const scale = Math.max(1, Math.min(view.width, view.height) / 250);
    for (const drop of this.glass) {
      if (drop.speed === 0) {
        drop.wait -= frame.delta * (1 + frame.pulse.energy);
        if (drop.wait <= 0) drop.speed = this.random.between(0.05, 0.16);
      } else {
        drop.y += drop.speed * frame.delta;
        drop.trail = Math.min(0.25, drop.trail + drop.speed * frame.delta);
        if (drop.y > 1.02) Object.assign(drop, this.glassDrop(this.random.between(-0.05, 0.6)));
      }
      const x = view.x + drop.x * view.width;
      const y = view.y + drop.y * view.height;
      const radius = drop.size * scale;
      if (drop.trail > 0) {
        context.strokeStyle = "rgba(220, 230, 245, 0.16)";
        context.lineWidth = radius * 0.7;
        context.beginPath();
        context.moveTo(x, y);
        context.lineTo(x + Math.sin(drop.y * 40) * 2, y - drop.trail * view.height);
        context.stroke();
      }
      context.fillStyle = "rgba(230, 238, 250, 0.4)";
      context.beginPath();
      context.ellipse(x, y, radius, radius * 1.2, 0, 0, Math.PI * 2);
      context.fill();
      context.fillStyle = "rgba(255, 255, 255, 0.6)";
      context.fillRect(x - radius * 0.4, y - radius * 0.5, Math.max(1, radius * 0.4), Math.max(1, radius * 0.4));
    }
  }
}
