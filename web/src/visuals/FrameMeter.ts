// Counts the frames drawn, over one-second windows, and lowers the detail of
// the scene when they come slower than the target (raising it again when they
// keep up), so a machine without a GPU still gets a moving scene.

export class FrameMeter {
  private windowStart = -1;
  private framesInWindow = 0;
  private lastRate = 0;
  private detailValue = 1;
  /** Frames drawn since the page began, for tests. */
  frames = 0;

  constructor(private readonly target: number) {}

  /** Records a frame drawn at `seconds`. */
  frame(seconds: number): void {
    this.frames++;
    if (this.windowStart < 0) this.windowStart = seconds;
    this.framesInWindow++;
    const elapsed = seconds - this.windowStart;
    if (elapsed < 1) return;
    this.lastRate = this.framesInWindow / elapsed;
    this.windowStart = seconds;
    this.framesInWindow = 0;
    if (this.lastRate < this.target * 0.85) this.detailValue = Math.max(0.25, this.detailValue * 0.75);
    else if (this.lastRate >= this.target * 0.95) this.detailValue = Math.min(1, this.detailValue + 0.05);
  }

  /** Frames per second over the last whole second. */
  get rate(): number {
    return this.lastRate;
  }

  /** 0.25 to 1. */
  get detail(): number {
    return this.detailValue;
  }
}
