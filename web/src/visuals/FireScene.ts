// A fire in the fireplace on a snowy evening: flames that flicker from layered
// sines (and leap on the beat), embers rising, warm light on the room; snow
// falling past the window over dark pines.
import { SeededRandom } from "../core/SeededRandom";
import { byLight } from "./Palette";
import { Room } from "./Room";
import type { Rect, RoomLayout } from "./RoomLayout";
import type { Frame, Scene } from "./Scene";
import { drawSky, Stars } from "./Sky";

const SNOW_SKY = { nightTop: "#0f1428", nightBottom: "#30324e", dayTop: "#9fb0c6", dayBottom: "#dfe2e8" };

export class FireScene implements Scene {
  readonly name = "fire";
  readonly furniture = "fireplace";
  private readonly random: SeededRandom;
  private readonly snow: Array<{ x: number; y: number; speed: number; size: number }> = [];
  private readonly stars = new Stars(41, 40);
  private embers: Array<{ x: number; y: number; life: number; drift: number }> = [];

  constructor(seed = 3) {
    this.random = new SeededRandom(seed);
    for (let index = 0; index < 90; index++) this.snow.push({ x: this.random.next(), y: this.random.next(), speed: this.random.between(0.03, 0.09), size: this.random.between(1, 2.6) });
  }

  /** Flame height at a moment: several unrelated sines, so it never looks periodic. */
  static flicker(seconds: number, phase: number): number {
    return 0.75 + 0.12 * Math.sin(seconds * 7.3 + phase) + 0.08 * Math.sin(seconds * 13.1 + phase * 2.1) + 0.05 * Math.sin(seconds * 23.7 + phase * 0.7);
  }

  drawView(context: CanvasRenderingContext2D, view: Rect, frame: Frame): void {
    const { daylight, seconds, delta } = frame;
    drawSky(context, view, daylight * 0.8, SNOW_SKY);
    this.stars.draw(context, view, seconds, (1 - daylight) * 0.7);
    // Snowy ground and pines.
    context.fillStyle = byLight("#3a3f5a", "#eef0f4", daylight);
    context.fillRect(view.x, view.y + view.height * 0.82, view.width, view.height * 0.18);
    context.fillStyle = byLight("#161c2a", "#4d6460", daylight);
    for (let index = 0; index < 9; index++) {
      const x = view.x + view.width * (index / 8);
      const treeHeight = view.height * (0.22 + 0.12 * ((index * 0.37) % 1));
      const base = view.y + view.height * 0.84;
      context.beginPath();
      context.moveTo(x - treeHeight * 0.28, base);
      context.lineTo(x, base - treeHeight);
      context.lineTo(x + treeHeight * 0.28, base);
      context.closePath();
      context.fill();
    }
    context.fillStyle = "rgba(255, 255, 255, 0.85)";
    const shown = Math.round(this.snow.length * frame.detail);
    for (let index = 0; index < shown; index++) {
      const flake = this.snow[index]!;
      flake.y += flake.speed * delta;
      if (flake.y > 1) Object.assign(flake, { y: -0.02, x: this.random.next() });
      const x = view.x + (flake.x + 0.02 * Math.sin(seconds * 0.8 + index)) * view.width;
      context.fillRect(x, view.y + flake.y * view.height, flake.size, flake.size);
    }
  }

  drawRoom(context: CanvasRenderingContext2D, room: RoomLayout, frame: Frame): void {
    const { seconds, delta, pulse } = frame;
    const unit = Math.min(room.width, room.height);
    const box = Room.firebox(room.side, unit);
    const centerX = box.x + box.width / 2;
    const baseY = box.y + box.height - unit * 0.02;
    const glow = FireScene.flicker(seconds, 0) + pulse.energy * 0.25;
    // Firelight on the room.
    const radius = unit * (0.7 + 0.1 * pulse.energy);
    const light = context.createRadialGradient(centerX, baseY, 0, centerX, baseY, radius);
    light.addColorStop(0, `rgba(255, 140, 60, ${(0.3 * glow).toFixed(3)})`);
    light.addColorStop(1, "rgba(255, 120, 50, 0)");
    context.fillStyle = light;
    context.fillRect(centerX - radius, baseY - radius, radius * 2, radius * 2);
    // Logs.
    context.fillStyle = "#3b2316";
    context.beginPath();
    context.roundRect(box.x + box.width * 0.15, baseY - unit * 0.015, box.width * 0.7, unit * 0.025, unit * 0.01);
    context.fill();
    // Flames, outer to inner, leaping with the music.
    const scale = Math.min(box.width * 1.25, box.height * 1.4);
    const layers: Array<[string, number, number]> = [["rgba(255, 96, 30, 0.85)", 0.62, 0.3], ["rgba(255, 165, 50, 0.9)", 0.46, 0.22], ["rgba(255, 232, 160, 0.95)", 0.26, 0.12]];
    for (const [color, heightShare, widthShare] of layers) {
      context.fillStyle = color;
      context.beginPath();
      for (let tongue = -2; tongue <= 2; tongue++) {
        const flameHeight = scale * heightShare * (FireScene.flicker(seconds, tongue * 1.7 + heightShare * 10) + pulse.energy * 0.2) * (1 - Math.abs(tongue) * 0.18);
        const flameWidth = scale * widthShare * 0.35;
        const x = centerX + tongue * flameWidth * 0.8;
        const sway = Math.sin(seconds * 3 + tongue) * flameWidth * 0.25;
        context.moveTo(x - flameWidth, baseY);
        context.quadraticCurveTo(x - flameWidth * 0.8, baseY - flameHeight * 0.5, x + sway, baseY - flameHeight);
        context.quadraticCurveTo(x + flameWidth * 0.8, baseY - flameHeight * 0.5, x + flameWidth, baseY);
      }
      context.fill();
    }
    if (this.random.next() < delta * (10 + pulse.energy * 20)) this.embers.push({ x: centerX + this.random.signed() * box.width * 0.2, y: baseY - scale * 0.2, life: 1, drift: this.random.signed() });
    this.embers = this.embers.filter((ember) => (ember.life -= delta * 0.7) > 0 && ember.y > box.y);
    for (const ember of this.embers) {
      ember.y -= delta * scale * 0.35;
      ember.x += Math.sin(seconds * 2 + ember.drift * 5) * delta * 15;
      context.fillStyle = `rgba(255, ${150 + Math.round(ember.life * 80)}, 60, ${ember.life.toFixed(3)})`;
      context.fillRect(ember.x, ember.y, 2, 2);
    }
  }
}
