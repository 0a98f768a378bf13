// A summer night: twinkling stars, a crescent moon, dark hills and fireflies where the crickets are.
import { SeededRandom } from "../core/SeededRandom";
import { type Pulse, type Scene, verticalGradient } from "./Scene";

export class NightScene implements Scene {
  readonly name = "night";
  private readonly stars: Array<{ x: number; y: number; size: number; phase: number }> = [];
  private readonly flies: Array<{ x: number; y: number; phase: number }> = [];

  constructor(seed = 5) {
    const random = new SeededRandom(seed);
    for (let index = 0; index < 160; index++) this.stars.push({ x: random.next(), y: random.next() * 0.65, size: random.between(0.5, 1.8), phase: random.next() * 6 });
    for (let index = 0; index < 24; index++) this.flies.push({ x: random.next(), y: random.between(0.7, 0.95), phase: random.next() * 6 });
  }

  draw(context: CanvasRenderingContext2D, width: number, height: number, seconds: number, _delta: number, pulse: Pulse): void {
    const sky = verticalGradient(context, height, [[0, "#02030a"], [0.6, "#0d1430"], [1, "#1a1f3a"]]);
    context.fillStyle = sky;
    context.fillRect(0, 0, width, height);
    for (const star of this.stars) {
      const twinkle = 0.5 + 0.5 * Math.sin(seconds * 2 + star.phase);
      context.fillStyle = `rgba(230, 235, 255, ${0.3 + 0.7 * twinkle})`;
      context.fillRect(star.x * width, star.y * height, star.size, star.size);
    }
    const moonRadius = Math.min(width, height) * 0.06;
    context.fillStyle = "#f3efd8";
    context.beginPath();
    context.arc(width * 0.8, height * 0.2, moonRadius, 0, Math.PI * 2);
    context.fill();
    // The crescent: a disc of the sky itself over the moon.
    context.fillStyle = sky;
    context.beginPath();
    context.arc(width * 0.8 + moonRadius * 0.45, height * 0.2 - moonRadius * 0.2, moonRadius, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = "#05070f";
    context.beginPath();
    context.moveTo(0, height);
    for (let x = 0; x <= width; x += 20) context.lineTo(x, height * 0.72 + Math.sin(x / 140) * 30 + Math.sin(x / 53) * 10);
    context.lineTo(width, height);
    context.fill();
    for (const fly of this.flies) {
      const glow = Math.max(0, Math.sin(seconds * 1.5 + fly.phase)) * (0.7 + pulse.energy * 0.3);
      const x = (fly.x + 0.02 * Math.sin(seconds * 0.4 + fly.phase)) * width;
      const y = (fly.y + 0.02 * Math.cos(seconds * 0.5 + fly.phase)) * height;
      context.fillStyle = `rgba(220, 255, 120, ${glow})`;
      context.beginPath();
      context.arc(x, y, 2.5, 0, Math.PI * 2);
      context.fill();
    }
  }
}
