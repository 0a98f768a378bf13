// A night city: stars, a crescent moon, two rows of buildings whose windows
// come and go, a neon sign and a radio mast light that pulse with the beat.
// By day it is the same city at dusk.
import { byLight } from "./Palette";
import type { Rect } from "./RoomLayout";
import type { Frame, Scene } from "./Scene";
import { drawSky, drawSunOrMoon, Skyline, Stars } from "./Sky";

const CITY_SKY = { nightTop: "#090b22", nightBottom: "#3b2450", dayTop: "#4a4f86", dayBottom: "#f0a27c" };

export class NightScene implements Scene {
  readonly name = "night";
  readonly furniture = "shelf";
  private readonly stars = new Stars(61, 90);
  private readonly far = new Skyline(62, 0.5);
  private readonly near = new Skyline(63, 0.68);

  drawView(context: CanvasRenderingContext2D, view: Rect, frame: Frame): void {
    const { seconds, pulse } = frame;
    // The city is a night place: by day the view is an evening.
    const light = frame.daylight * 0.45;
    drawSky(context, view, light, CITY_SKY);
    this.stars.draw(context, view, seconds, 1 - light * 1.5);
    const moonX = view.x + view.width * 0.22;
    const moonY = view.y + view.height * 0.2;
    const radius = Math.min(view.width, view.height) * 0.06;
    drawSunOrMoon(context, moonX, moonY, radius, 0, pulse.energy * 0.5);
    // The crescent: the sky's colour over part of the moon, clipped to the moon's disc.
    context.save();
    context.beginPath();
    context.arc(moonX, moonY, radius + 0.5, 0, Math.PI * 2);
    context.clip();
    context.fillStyle = byLight(CITY_SKY.nightTop, CITY_SKY.dayTop, light, 0.92);
    context.beginPath();
    context.arc(moonX + radius * 0.45, moonY - radius * 0.2, radius * 0.95, 0, Math.PI * 2);
    context.fill();
    context.restore();
    const baseY = view.y + view.height;
    this.far.draw(context, view, baseY, byLight("#1b1733", "#3e3558", light), 0.6, seconds);
    this.near.draw(context, view, baseY, byLight("#0e0c1c", "#28223c", light), 1, seconds, pulse.energy);
    // A neon sign and a mast light, on the beat.
    const signX = view.x + view.width * 0.66;
    const signY = baseY - view.height * 0.3;
    const neon = 0.55 + 0.45 * pulse.energy;
    context.fillStyle = `rgba(255, 110, 160, ${(neon * 0.25).toFixed(3)})`;
    context.fillRect(signX - 10, signY - 10, view.width * 0.12 + 20, view.height * 0.05 + 20);
    context.strokeStyle = `rgba(255, 140, 190, ${neon.toFixed(3)})`;
    context.lineWidth = 2;
    context.strokeRect(signX, signY, view.width * 0.12, view.height * 0.05);
    const mastX = view.x + view.width * 0.9;
    context.fillStyle = `rgba(255, 80, 60, ${(0.3 + 0.7 * Math.max(pulse.energy, Math.sin(seconds * 2) > 0.7 ? 1 : 0)).toFixed(3)})`;
    context.beginPath();
    context.arc(mastX, baseY - view.height * 0.72, 3, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = byLight("#0e0c1c", "#28223c", light);
    context.fillRect(mastX - 1, baseY - view.height * 0.72, 2, view.height * 0.1);
  }
}
