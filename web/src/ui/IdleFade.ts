// Fades the dock while the music plays and nobody touches the page; any
// pointer, key or touch brings it back. The decision is a pure function of
// times so it can be tested without a page.

export interface IdleInput {
  now: number;
  lastActivity: number;
  playing: boolean;
  drawerOpen: boolean;
}

export const IDLE_AFTER_MS = 3000;

export function isIdle({ now, lastActivity, playing, drawerOpen }: IdleInput): boolean {
  return playing && !drawerOpen && now - lastActivity >= IDLE_AFTER_MS;
}

/** Watches the page and toggles `idleClass` on `root` (the body). */
export class IdleFade {
  private lastActivity = performance.now();
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly root: HTMLElement,
    private readonly state: () => { playing: boolean; drawerOpen: boolean },
    private readonly idleClass = "idle",
  ) {
    const wake = () => this.wake();
    for (const event of ["pointermove", "pointerdown", "keydown", "touchstart", "focusin", "wheel"]) window.addEventListener(event, wake, { passive: true, capture: true });
    this.timer = setInterval(() => this.check(), 250);
  }

  wake(): void {
    this.lastActivity = performance.now();
    this.root.classList.remove(this.idleClass);
  }

  private check(): void {
    const { playing, drawerOpen } = this.state();
    this.root.classList.toggle(this.idleClass, isIdle({ now: performance.now(), lastActivity: this.lastActivity, playing, drawerOpen }));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
