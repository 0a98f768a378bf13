// The canvas behind the controls: the ambience's scene, crossfaded when the
// ambience changes, with the note visualizer on top. Plain canvas 2D: no
// library, nothing to download (p5.js would add about 1 MB).
import type { Scene } from "./Scene";
import { FireScene } from "./FireScene";
import { NightScene } from "./NightScene";
import { NoteVisualizer } from "./NoteVisualizer";
import { QuietScene } from "./QuietScene";
import { RainScene } from "./RainScene";
import { type SceneKind, sceneKindFor } from "./SceneChoice";
import { WavesScene } from "./WavesScene";
import { WindScene } from "./WindScene";

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

export class Stage {
  readonly visualizer = new NoteVisualizer();
  private scene: Scene = new QuietScene();
  private previous?: { scene: Scene; since: number };
  private readonly context: CanvasRenderingContext2D;
  private lastFrame = 0;
  private frameId = 0;

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
    this.previous = { scene: this.scene, since: performance.now() / 1000 };
    this.scene = makeScene(kind);
  }

  /**
   * Draws at most 30 frames a second: the scenes are slow-moving, and the main
   * thread is also the one that schedules the music.
   */
  start(): void {
    const frame = (milliseconds: number) => {
      if (milliseconds / 1000 - this.lastFrame >= 1 / 31) this.draw(milliseconds / 1000);
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
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
    }
    const context = this.context;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const pulse = { energy: this.visualizer.energy };
    this.scene.draw(context, width, height, seconds, delta, pulse);
    if (this.previous) {
      const fade = 1 - (seconds - this.previous.since) / 1.5;
      if (fade <= 0) this.previous = undefined;
      else {
        context.globalAlpha = fade;
        this.previous.scene.draw(context, width, height, seconds, delta, pulse);
        context.globalAlpha = 1;
      }
    }
    this.visualizer.draw(context, width, height, seconds, delta);
  }
}
