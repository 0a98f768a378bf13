// The sea at night: layers of waves rolling in a slow swell under the moon, its light broken on the water.
import { type Pulse, type Scene, verticalGradient } from "./Scene";

export class WavesScene implements Scene {
  readonly name = "waves";

  /** The swell: a slow rise and fall, about one wave every eight seconds. */
  static swell(seconds: number): number {
    return Math.sin((seconds * Math.PI * 2) / 8);
  }

  draw(context: CanvasRenderingContext2D, width: number, height: number, seconds: number, _delta: number, pulse: Pulse): void {
    context.fillStyle = verticalGradient(context, height, [[0, "#081a33"], [0.5, "#1d3b63"], [1, "#0a1f3a"]]);
    context.fillRect(0, 0, width, height);
    const moonX = width * 0.72;
    const moonY = height * 0.22;
    context.fillStyle = "rgba(250, 245, 220, 0.9)";
    context.beginPath();
    context.arc(moonX, moonY, Math.min(width, height) * 0.05, 0, Math.PI * 2);
    context.fill();
    const horizon = height * 0.5;
    const swell = WavesScene.swell(seconds);
    for (let layer = 0; layer < 6; layer++) {
      const depth = layer / 5;
      const baseY = horizon + depth * depth * height * 0.45 + swell * 8 * (1 + depth * 2);
      const amplitude = 3 + depth * 18 * (1 + pulse.energy * 0.3);
      const wavelength = 80 + depth * 220;
      context.fillStyle = `rgba(${20 + layer * 8}, ${50 + layer * 14}, ${90 + layer * 18}, 0.85)`;
      context.beginPath();
      context.moveTo(0, height);
      for (let x = 0; x <= width + 10; x += 10) {
        const y = baseY + Math.sin(x / wavelength + seconds * (0.6 + depth * 0.4) + layer) * amplitude;
        context.lineTo(x, y);
      }
      context.lineTo(width, height);
      context.closePath();
      context.fill();
      // Moonlight glinting on the crests.
      context.fillStyle = `rgba(255, 250, 220, ${0.25 * (1 - depth)})`;
      for (let glint = 0; glint < 6; glint++) {
        const x = moonX + Math.sin(seconds * 1.3 + glint * 2 + layer) * (20 + depth * 60);
        context.fillRect(x, baseY + Math.sin(x / wavelength + seconds + layer) * amplitude, 10 + depth * 20, 2);
      }
    }
  }
}
