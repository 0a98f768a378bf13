// What is shown with no ambience: a dim room and a slowly breathing lamp.
import { type Pulse, type Scene, verticalGradient } from "./Scene";

export class QuietScene implements Scene {
  readonly name = "quiet";

  draw(context: CanvasRenderingContext2D, width: number, height: number, seconds: number, _delta: number, pulse: Pulse): void {
    context.fillStyle = verticalGradient(context, height, [[0, "#1c1626"], [1, "#2e2438"]]);
    context.fillRect(0, 0, width, height);
    const glow = 0.25 + 0.05 * Math.sin(seconds * 0.7) + pulse.energy * 0.2;
    const lamp = context.createRadialGradient(width * 0.2, height * 0.3, 5, width * 0.2, height * 0.3, Math.max(width, height) * 0.5);
    lamp.addColorStop(0, `rgba(255, 190, 120, ${glow})`);
    lamp.addColorStop(1, "rgba(255, 190, 120, 0)");
    context.fillStyle = lamp;
    context.fillRect(0, 0, width, height);
  }
}
