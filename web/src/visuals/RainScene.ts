// Rain on a dark city window: slanted streaks falling at different depths, small splashes on the sill.
import { SeededRandom } from "../core/SeededRandom";
import { type Pulse, type Scene, verticalGradient } from "./Scene";

interface Drop { x: number; y: number; speed: number; length: number; depth: number }

export class RainScene implements Scene {
  readonly name = "rain";
  private readonly drops: Drop[] = [];
  private readonly random: SeededRandom;
  private splashes: Array<{ x: number; age: number }> = [];

  constructor(seed = 1) {
    this.random = new SeededRandom(seed);
    for (let index = 0; index < 260; index++) this.drops.push(this.newDrop(true));
  }

  private newDrop(anywhere: boolean): Drop {
    const depth = this.random.between(0.3, 1);
    return { x: this.random.next(), y: anywhere ? this.random.next() : -0.1, speed: 0.6 + depth * 0.9, length: 0.02 + depth * 0.05, depth };
  }

  draw(context: CanvasRenderingContext2D, width: number, height: number, seconds: number, delta: number, pulse: Pulse): void {
    context.fillStyle = verticalGradient(context, height, [[0, "#0b1324"], [0.7, "#1b2a45"], [1, "#26324a"]]);
    context.fillRect(0, 0, width, height);
    // City lights blurred behind the glass.
    for (let index = 0; index < 14; index++) {
      const x = ((index * 0.137 + 0.05) % 1) * width;
      const y = height * (0.55 + 0.25 * ((index * 0.61) % 1));
      const glow = 0.15 + 0.08 * Math.sin(seconds * 0.5 + index) + pulse.energy * 0.1;
      context.fillStyle = `rgba(255, ${180 + (index % 3) * 20}, 120, ${glow})`;
      context.beginPath();
      context.arc(x, y, 18 + (index % 4) * 6, 0, Math.PI * 2);
      context.fill();
    }
    context.lineCap = "round";
    for (const drop of this.drops) {
      drop.y += drop.speed * delta;
      drop.x += 0.08 * delta * drop.depth;
      if (drop.y > 1) {
        if (drop.depth > 0.8) this.splashes.push({ x: drop.x, age: 0 });
        Object.assign(drop, this.newDrop(false));
        drop.x = this.random.next();
      }
      context.strokeStyle = `rgba(190, 210, 255, ${0.15 + drop.depth * 0.45})`;
      context.lineWidth = drop.depth * 1.6;
      context.beginPath();
      context.moveTo(drop.x * width, drop.y * height);
      context.lineTo((drop.x - drop.length * 0.15) * width, (drop.y - drop.length) * height);
      context.stroke();
    }
    this.splashes = this.splashes.filter((splash) => (splash.age += delta) < 0.35);
    for (const splash of this.splashes) {
      context.strokeStyle = `rgba(200, 220, 255, ${0.5 - splash.age})`;
      context.beginPath();
      context.ellipse(splash.x * width, height - 6, 2 + splash.age * 30, 1 + splash.age * 6, 0, Math.PI, 0);
      context.stroke();
    }
  }
}
