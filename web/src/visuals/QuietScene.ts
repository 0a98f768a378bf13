// No ambience: the same room with a plain sky and slow clouds.
import { byLight } from "./Palette";
import type { Rect } from "./RoomLayout";
import type { Frame, Scene } from "./Scene";
import { Clouds, drawSky, drawSunOrMoon, Stars } from "./Sky";

export class QuietScene implements Scene {
  readonly name = "quiet";
  readonly furniture = "shelf";
  private readonly clouds = new Clouds(71, 4);
  private readonly stars = new Stars(72);

  drawView(context: CanvasRenderingContext2D, view: Rect, frame: Frame): void {
    drawSky(context, view, frame.daylight);
    this.stars.draw(context, view, frame.seconds, 1 - frame.daylight);
    drawSunOrMoon(context, view.x + view.width * 0.3, view.y + view.height * 0.3, Math.min(view.width, view.height) * 0.06, frame.daylight, frame.pulse.energy);
    this.clouds.draw(context, view, frame.seconds, byLight("#3e3a62", "#fff6ee", frame.daylight, 0.6));
    context.fillStyle = byLight("#1a1d30", "#8ea882", frame.daylight);
    context.fillRect(view.x, view.y + view.height * 0.85, view.width, view.height * 0.15);
  }
}
