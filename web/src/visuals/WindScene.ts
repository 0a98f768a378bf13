// Wind: hills and trees that sway in gusts (harder on the beat), clouds
// drifting, leaves blown past the window.
import { SeededRandom } from "../core/SeededRandom";
import { byLight, dusk } from "./Palette";
import type { Rect } from "./RoomLayout";
import type { Frame, Scene } from "./Scene";
import { Clouds, drawSky, drawSunOrMoon, Stars } from "./Sky";

interface Tree { x: number; height: number; phase: number; shade: string }
interface Leaf { x: number; y: number; speed: number; spin: number; phase: number }

export class WindScene implements Scene {
  readonly name = "wind";
  readonly furniture = "shelf";
  private readonly trees: Tree[] = [];
  private readonly leaves: Leaf[] = [];
  private readonly random: SeededRandom;
  private readonly clouds = new Clouds(31, 5);
  private readonly stars = new Stars(32);
  private gust = 0;

  constructor(seed = 2) {
    this.random = new SeededRandom(seed);
    const shades = ["#4f7a4a", "#6a9457", "#3f6a48"];
    for (let index = 0; index < 6; index++) this.trees.push({ x: 0.06 + index * 0.17 + this.random.between(-0.04, 0.04), height: this.random.between(0.3, 0.5), phase: this.random.next() * 6, shade: shades[index % 3]! });
    for (let index = 0; index < 26; index++) this.leaves.push({ x: this.random.next(), y: this.random.next(), speed: this.random.between(0.12, 0.3), spin: this.random.between(2, 6), phase: this.random.next() * 6 });
  }

  drawView(context: CanvasRenderingContext2D, view: Rect, frame: Frame): void {
    const { daylight, seconds, delta } = frame;
    this.gust += ((0.5 + 0.5 * Math.sin(seconds * 0.31) + frame.pulse.energy * 0.6) - this.gust) * Math.min(1, delta * 2);
    drawSky(context, view, daylight);
    this.stars.draw(context, view, seconds, 1 - daylight);
    drawSunOrMoon(context, view.x + view.width * 0.78, view.y + view.height * 0.2, Math.min(view.width, view.height) * 0.06, daylight, frame.pulse.energy);
    this.clouds.draw(context, view, seconds * (1 + this.gust), byLight("#4a4868", "#fff6ee", daylight, 0.75));
    this.hill(context, view, 0.62, byLight("#1e2637", "#9db58a", daylight), 0.7);
    this.hill(context, view, 0.76, byLight("#172030", "#7d9a68", daylight), 1.6);
    for (const tree of this.trees) this.tree(context, view, tree, frame);
    const shown = Math.round(this.leaves.length * frame.detail);
    for (let index = 0; index < shown; index++) {
      const leaf = this.leaves[index]!;
      leaf.x += leaf.speed * delta * (0.5 + this.gust);
      if (leaf.x > 1.05) Object.assign(leaf, { x: -0.05, y: this.random.next() });
      const x = view.x + leaf.x * view.width;
      const y = view.y + (leaf.y + 0.04 * Math.sin(seconds * 1.3 + leaf.phase)) * view.height;
      context.fillStyle = byLight("#5a4a3a", leaf.phase > 3 ? "#d99a4e" : "#b8c46a", daylight);
      context.beginPath();
      context.ellipse(x, y, 4, 1.8, seconds * leaf.spin + leaf.phase, 0, Math.PI * 2);
      context.fill();
    }
  }

  private hill(context: CanvasRenderingContext2D, view: Rect, level: number, color: string, wave: number): void {
    context.fillStyle = color;
    context.beginPath();
    context.moveTo(view.x, view.y + view.height);
    for (let step = 0; step <= 24; step++) {
      const share = step / 24;
      context.lineTo(view.x + share * view.width, view.y + view.height * (level + 0.05 * Math.sin(share * Math.PI * wave + level * 9)));
    }
    context.lineTo(view.x + view.width, view.y + view.height);
    context.fill();
  }

  private tree(context: CanvasRenderingContext2D, view: Rect, tree: Tree, frame: Frame): void {
    const baseX = view.x + tree.x * view.width;
    const baseY = view.y + view.height * 0.8;
    const height = tree.height * view.height;
    const sway = (Math.sin(frame.seconds * 1.4 + tree.phase) * 0.5 + 0.5) * this.gust * height * 0.12;
    context.strokeStyle = dusk("#5b4030", frame.daylight);
    context.lineWidth = Math.max(2, height * 0.05);
    context.beginPath();
    context.moveTo(baseX, baseY);
    context.quadraticCurveTo(baseX, baseY - height * 0.5, baseX + sway * 0.6, baseY - height * 0.75);
    context.stroke();
    context.fillStyle = dusk(tree.shade, frame.daylight);
    context.beginPath();
    for (const [dx, dy, size] of [[0, 0.8, 0.26], [-0.14, 0.66, 0.2], [0.15, 0.64, 0.2], [0.02, 0.98, 0.18]] as const) {
      const x = baseX + dx * height + sway * (dy + 0.2);
      const y = baseY - dy * height;
      context.moveTo(x + size * height, y);
      context.arc(x, y, size * height, 0, Math.PI * 2);
    }
    context.fill();
  }
}
