// The page's background and its first sight: the room with the ambience's
// view through the window, crossfaded when the ambience changes, the notes
// drawn over it. Plain canvas 2D: no library, nothing to download (p5.js
// would add about 1 MB). Frames are counted; when they come slower than the
// target, detail (particles, then pixel density) is lowered to hold it.
import { daylightAt, hourNow } from "./Daylight";
import { FireScene } from "./FireScene";
import { NightScene } from "./NightScene";
import { NoteVisualizer } from "./NoteVisualizer";
import { QuietScene } from "./QuietScene";
import { RainScene } from "./RainScene";
import { Room } from "./Room";
import { roomLayout } from "./RoomLayout";
import type { Frame, Scene } from "./Scene";
import { type SceneKind, sceneKindFor } from "./SceneChoice";
import { WavesScene } from "./WavesScene";
import { WindScene } from "./WindScene";
import { FrameMeter } from "./FrameMeter";

function makeScene(kind: SceneKind): Scene {
  switch (kind) {
    case "rain": return new RainScene();
    case "wind": return new WindScene();
    case "fire": return new FireScene();
    case "waves": return new WavesScene();
    case "night": return new NightScene();
    default: return new QuietScene();
  }
}

const TARGET_FPS = 30;

export class Stage {
  readonly visualizer = new NoteVisualizer();
  readonly meter = new FrameMeter(TARGET_FPS);
  private scene: Scene = new QuietScene();
  private room = new Room();
  private previous?: { scene: Scene; room: Room; since: number };
  private readonly context: CanvasRenderingContext2D;
  private lastFrame = 0;
  private frameId = 0;
  /** An hour to show instead of the clock's (for screenshots and tests). */
  hour?: number;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    this.context = context;
  }

  get sceneName(): string {
    return this.scene.name;
  }

  showAmbience(ambience: string): void {
    const kind = sceneKindFor(ambience);
    if (kind === this.scene.name) return;
    this.previous = { scene: this.scene, room: this.room, since: performance.now() / 1000 };
    this.scene = makeScene(kind);
    this.room = new Room();
  }

  /**
   * Draws at most 30 frames a second: the scenes are slow-moving, and the main
   * thread is also the one that schedules the music.
   */
  start(): void {
    const frame = (milliseconds: number) => {
      if (milliseconds / 1000 - this.lastFrame >= 1 / (TARGET_FPS + 1)) this.draw(milliseconds / 1000);
      this.frameId = requestAnimationFrame(frame);
    };
    this.frameId = requestAnimationFrame(frame);
  }

  stop(): void {
    cancelAnimationFrame(this.frameId);
  }

  private draw(seconds: number): void {
    const delta = Math.min(0.1, this.lastFrame ? seconds - this.lastFrame : 0.016);
    this.lastFrame = seconds;
    this.meter.frame(seconds);
    const detail = this.meter.detail;
    // Full pixel density only while frames keep up.
    const ratio = detail >= 0.75 ? Math.min(2, window.devicePixelRatio || 1) : 1;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
    }
    const context = this.context;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const frame: Frame = { seconds, delta, pulse: { energy: this.visualizer.energy }, daylight: daylightAt(this.hour ?? hourNow()), detail };
    const layout = roomLayout(width, height);
    this.drawScene(this.scene, this.room, layout, frame, ratio);
    if (this.previous) {
      const fade = 1 - (seconds - this.previous.since) / 1.5;
      if (fade <= 0) this.previous = undefined;
      else {
        context.globalAlpha = fade;
        this.drawScene(this.previous.scene, this.previous.room, layout, frame, ratio);
        context.globalAlpha = 1;
      }
    }
    this.visualizer.draw(context, width, height, seconds, delta);
  }

  private drawScene(scene: Scene, room: Room, layout: ReturnType<typeof roomLayout>, frame: Frame, ratio: number): void {
    const context = this.context;
    const view = layout.window;
    context.save();
    context.beginPath();
    context.rect(view.x, view.y, view.width, view.height);
    context.clip();
    scene.drawView(context, view, frame);
    context.restore();
    room.draw(context, layout, frame, scene.furniture, ratio);
    scene.drawRoom?.(context, layout, frame);
  }
}
