// A groove from the manifest turned into timed hits: positions in quarter notes
// (so they follow any tempo), swing applied to off-beat sixteenths, and a
// deterministic humanisation of velocity and timing drawn from the seed.
import type { Groove } from "../api/Manifest";
import { SeededRandom } from "../core/SeededRandom";

export interface DrumEvent {
  /** The sixteenth it belongs to, from the start of the groove. */
  step: number;
  /** Quarter notes from the start of the groove, swing included. */
  quarters: number;
  /** How late swing and the groove's own offset put it after its sixteenth, in quarter notes. */
  lateQuarters: number;
  drum: string;
  /** 0 to 1 after humanisation. */
  velocity: number;
  /** Seconds added to the hit time (humanised timing; may be negative). */
  nudgeSeconds: number;
}

/** Off-beat sixteenths move late by up to a third of a sixteenth (swing 1: triplet feel). */
export function swingOffsetQuarters(step: number, swing: number): number {
  return step % 2 === 1 ? (swing * 0.25) / 3 : 0;
}

export function grooveEvents(groove: Groove, seed: number): DrumEvent[] {
  const random = new SeededRandom(seed);
  const events: DrumEvent[] = [];
  groove.steps.forEach((hits, step) => {
    for (const hit of hits) {
      const velocity = hit.velocity * (1 + groove.humanizeVelocity * random.signed());
      const lateQuarters = swingOffsetQuarters(step, groove.swing) + hit.offsetSteps / 4;
      events.push({
        step,
        quarters: step / 4 + lateQuarters,
        lateQuarters,
        drum: hit.drum,
        velocity: Math.min(1, Math.max(0.05, velocity)),
        nudgeSeconds: groove.humanizeTiming * random.signed(),
      });
    }
  });
  return events;
}

/** The events grouped by sixteenth step, for a player that ticks every sixteenth. */
export function eventsByStep(events: DrumEvent[], steps: number): DrumEvent[][] {
  const byStep: DrumEvent[][] = Array.from({ length: steps }, () => []);
  for (const event of events) byStep[event.step]!.push(event);
  return byStep;
}
