// Wind over a meadow at dusk: grass blades bending with slow gusts, leaves blown across.
import { SeededRandom } from "../core/SeededRandom";
import { type Pulse, type Scene, verticalGradient } from "./Scene";

export class WindScene implements Scene {
  readonly name = "wind";
  private readonly blades: Array<{ x: number; height: number; phase: number; shade: number }> = [];
  private readonly leaves: Array<{ x: number; y: number; spin: number; size: number; hue: number }> = [];

  constructor(seed = 2) {
    const random = new SeededRandom(seed);
    for (let index = 0; index < 220; index++) {
      this.blades.push({ x: random.next(), height: random.between(0.08, 0.22), phase: random.next() * 6, shade: random.between(0.6, 1) });
    }
    for (let index = 0; index < 18; index++) {
      this.leaves.push({ x: random.next(), y: random.between(0.2, 0.8), spin: random.next() * 6, size: random.between(4, 9), hue: random.between(20, 50) });
    }
  }

  /** A slowly moving gust strength, 0.2 to 1. */
  static gust(seconds: number): number {
    return 0.6 + 0.25 * Math.sin(seconds * 0.31) + 0.15 * Math.sin(seconds * 0.87 + 1.3);
  }

  draw(context: CanvasRenderingContext2D, width: number, height: number, seconds: number, delta: number, pulse: Pulse): void {
    context.fillStyle = verticalGradient(context, height, [[0, "#3a2d5c"], [0.55, "#c0756b"], [1, "#e9b07a"]]);
    context.fillRect(0, 0, width, height);
    context.fillStyle = "rgba(255, 220, 160, 0.55)";
    context.beginPath();
    context.arc(width * 0.75, height * 0.62, Math.min(width, height) * 0.08, 0, Math.PI * 2);
    context.fill();
    const gust = WindScene.gust(seconds);
    context.lineCap = "round";
    for (const blade of this.blades) {
      const bend = (gust * 0.6 + 0.2 * Math.sin(seconds * 2.1 + blade.phase + blade.x * 8)) * blade.height * height * 0.6;
      const baseX = blade.x * width;
      const tipY = height - blade.height * height * (1 + pulse.energy * 0.1);
      context.strokeStyle = `rgba(${Math.round(40 * blade.shade)}, ${Math.round(70 * blade.shade)}, ${Math.round(35 * blade.shade)}, 1)`;
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(baseX, height);
      context.quadraticCurveTo(baseX + bend * 0.3, (height + tipY) / 2, baseX + bend, tipY);
      context.stroke();
    }
    for (const leaf of this.leaves) {
      leaf.x += delta * (0.05 + gust * 0.12);
      leaf.y += delta * 0.03 * Math.sin(seconds + leaf.spin);
      leaf.spin += delta * 3 * gust;
      if (leaf.x > 1.05) leaf.x = -0.05;
      context.save();
      context.translate(leaf.x * width, leaf.y * height);
      context.rotate(leaf.spin);
      context.fillStyle = `hsla(${leaf.hue}, 70%, 45%, 0.9)`;
      context.beginPath();
      context.ellipse(0, 0, leaf.size, leaf.size * 0.45, 0, 0, Math.PI * 2);
      context.fill();
      context.restore();
    }
  }
}
