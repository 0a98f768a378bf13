// A fireplace in a dark room: flames that flicker from layered noise, a warm glow on the walls, rising embers.
import { SeededRandom } from "../core/SeededRandom";
import { type Pulse, type Scene } from "./Scene";

export class FireScene implements Scene {
  readonly name = "fire";
  private readonly random: SeededRandom;
  private embers: Array<{ x: number; y: number; life: number; drift: number }> = [];

  constructor(seed = 3) {
    this.random = new SeededRandom(seed);
  }

  /** Flame height at a moment: several unrelated sines, so it never looks periodic. */
  static flicker(seconds: number, phase: number): number {
    return 0.75 + 0.12 * Math.sin(seconds * 7.3 + phase) + 0.08 * Math.sin(seconds * 13.1 + phase * 2.1) + 0.05 * Math.sin(seconds * 23.7 + phase * 0.7);
  }

  draw(context: CanvasRenderingContext2D, width: number, height: number, seconds: number, delta: number, pulse: Pulse): void {
    const centerX = width / 2;
    const baseY = height * 0.85;
    const glow = FireScene.flicker(seconds, 0) + pulse.energy * 0.15;
    const room = context.createRadialGradient(centerX, baseY, 10, centerX, baseY, Math.max(width, height) * 0.8);
    room.addColorStop(0, `rgba(120, 50, 15, ${0.9 * glow})`);
    room.addColorStop(0.5, "rgba(40, 18, 10, 1)");
    room.addColorStop(1, "#0c0605");
    context.fillStyle = room;
    context.fillRect(0, 0, width, height);
    const scale = Math.min(width, height);
    // Logs.
    context.fillStyle = "#2b1a10";
    context.fillRect(centerX - scale * 0.22, baseY, scale * 0.44, scale * 0.05);
    // Flames, outer to inner.
    const layers: Array<[string, number, number]> = [["rgba(255, 90, 20, 0.8)", 0.34, 0.22], ["rgba(255, 160, 40, 0.85)", 0.26, 0.16], ["rgba(255, 230, 150, 0.9)", 0.15, 0.08]];
    for (const [color, heightShare, widthShare] of layers) {
      for (let tongue = -2; tongue <= 2; tongue++) {
        const flameHeight = scale * heightShare * FireScene.flicker(seconds, tongue * 1.7 + heightShare * 10) * (1 - Math.abs(tongue) * 0.18);
        const flameWidth = scale * widthShare * 0.35;
        const x = centerX + tongue * flameWidth * 0.7;
        const sway = Math.sin(seconds * 3 + tongue) * flameWidth * 0.25;
        context.fillStyle = color;
        context.beginPath();
        context.moveTo(x - flameWidth, baseY);
        context.quadraticCurveTo(x - flameWidth * 0.8, baseY - flameHeight * 0.5, x + sway, baseY - flameHeight);
        context.quadraticCurveTo(x + flameWidth * 0.8, baseY - flameHeight * 0.5, x + flameWidth, baseY);
        context.closePath();
        context.fill();
      }
    }
    if (this.random.next() < delta * 14) this.embers.push({ x: centerX + this.random.signed() * scale * 0.1, y: baseY - scale * 0.1, life: 1, drift: this.random.signed() });
    this.embers = this.embers.filter((ember) => (ember.life -= delta * 0.5) > 0);
    for (const ember of this.embers) {
      ember.y -= delta * scale * 0.25;
      ember.x += Math.sin(seconds * 2 + ember.drift * 5) * delta * 20;
      context.fillStyle = `rgba(255, ${150 + Math.round(ember.life * 80)}, 60, ${ember.life})`;
      context.fillRect(ember.x, ember.y, 2, 2);
    }
  }
}
