// The sea past the window: a sun or a moon and its path on the water, rows of
// waves rolling in, a sailboat drifting on the horizon, foam on the beat.
import { byLight } from "./Palette";
import type { Rect } from "./RoomLayout";
import type { Frame, Scene } from "./Scene";
import { Clouds, drawSky, drawSunOrMoon, Stars } from "./Sky";

const SEA_SKY = { nightTop: "#0c1230", nightBottom: "#433a66", dayTop: "#86b4d8", dayBottom: "#f8cfa8" };

export class WavesScene implements Scene {
  readonly name = "waves";
  readonly furniture = "shelf";
  private readonly clouds = new Clouds(51, 4);
  private readonly stars = new Stars(52);

  drawView(context: CanvasRenderingContext2D, view: Rect, frame: Frame): void {
    const { daylight, seconds, pulse } = frame;
    drawSky(context, view, daylight, SEA_SKY);
    this.stars.draw(context, view, seconds, 1 - daylight);
    this.clouds.draw(context, view, seconds, byLight("#3e3a62", "#fff0e4", daylight, 0.6));
    const horizon = view.y + view.height * 0.55;
    const sunX = view.x + view.width * 0.62;
    drawSunOrMoon(context, sunX, horizon - view.height * 0.14, Math.min(view.width, view.height) * 0.07, daylight, pulse.energy);
    context.fillStyle = byLight("#141d3e", "#4f8fb0", daylight);
    context.fillRect(view.x, horizon, view.width, view.y + view.height - horizon);
    // The path of light on the water.
    const rows = Math.round(14 * (0.5 + frame.detail / 2));
    for (let row = 0; row < rows; row++) {
      const depth = row / rows;
      const y = horizon + (view.y + view.height - horizon) * depth * depth + 3;
      const width = view.width * (0.03 + depth * 0.12) * (0.7 + 0.3 * Math.sin(seconds * 1.3 + row));
      context.fillStyle = byLight("#f4eed8", "#fff4d6", daylight, 0.35 * (1 - depth * 0.5) + pulse.energy * 0.15);
      context.fillRect(sunX - width / 2 + Math.sin(seconds + row * 1.7) * 6, y, width, 2);
    }
    // Waves: rows of crests, closer rows bigger and faster.
    for (let row = 0; row < 6; row++) {
      const depth = (row + 1) / 6;
      const y = horizon + (view.y + view.height - horizon) * depth * depth * 0.95;
      const amplitude = 2 + depth * 6 * (1 + pulse.energy * 0.6);
      const wavelength = view.width * (0.08 + depth * 0.12);
      context.strokeStyle = byLight("#6f86b8", "#e8f4f6", daylight, 0.25 + depth * 0.45);
      context.lineWidth = 1 + depth * 2;
      context.beginPath();
      for (let x = 0; x <= view.width; x += 8) {
        const crest = y + Math.sin((x / wavelength) * Math.PI * 2 + seconds * (0.6 + depth)) * amplitude;
        if (x === 0) context.moveTo(view.x + x, crest);
        else context.lineTo(view.x + x, crest);
      }
      context.stroke();
    }
    // A sailboat drifting along the horizon.
    const boatX = view.x + (((seconds * 0.006) % 1.2) - 0.1) * view.width;
    const boatSize = view.height * 0.06;
    context.fillStyle = byLight("#1a1f36", "#3b3a48", daylight);
    context.fillRect(boatX - boatSize * 0.5, horizon - boatSize * 0.15, boatSize, boatSize * 0.15);
    context.fillStyle = byLight("#c9c4d8", "#fffaf0", daylight);
    context.beginPath();
    context.moveTo(boatX, horizon - boatSize * 0.15);
    context.lineTo(boatX, horizon - boatSize);
    context.lineTo(boatX + boatSize * 0.45, horizon - boatSize * 0.2);
    context.closePath();
    context.fill();
  }
}
