// What is in force at each bar: a value set "from bar N on" replaces whatever
// was set for N and later. A layer that ticks asks which value holds at the
// bar being played, so a change lands exactly on its bar line.

export class BarTimeline<T> {
  private entries: Array<{ fromBar: number; value: T }> = [];

  /** `value` holds from `fromBar` on; entries at or after that bar are dropped. */
  set(fromBar: number, value: T): void {
    this.entries = this.entries.filter((entry) => entry.fromBar < fromBar);
    this.entries.push({ fromBar, value });
  }

  /** The value in force at `bar`, if any. */
  at(bar: number): T | undefined {
    return this.entries.findLast((entry) => entry.fromBar <= bar)?.value;
  }

  /** Forgets entries that no bar from `bar` on can reach. */
  forgetBefore(bar: number): void {
    const first = this.entries.findLastIndex((entry) => entry.fromBar <= bar);
    if (first > 0) this.entries = this.entries.slice(first);
  }

  get size(): number {
    return this.entries.length;
  }
}

/** Which sixteenth of a groove sounds at transport sixteenth `step`: its place on the grid, not since it was chosen. */
export function grooveStepAt(step: number, gridSteps: number, grooveSteps: number): number {
  return (step % gridSteps) % grooveSteps;
}
