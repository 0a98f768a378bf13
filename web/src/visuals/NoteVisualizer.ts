// Draws the music over the scene as it is heard: each note played (melody,
// chords, bass) rises as a glowing bead placed by pitch, each drum hit pulses
// (kick a ring, snare a flash, hats a tick). Events arrive at their audio time
// through Tone.Draw, so what moves is what sounds.

export type NoteTrack = "lead" | "chords" | "bass";

interface Bead { x: number; born: number; life: number; size: number; track: NoteTrack }
interface Hit { drum: "kick" | "snare" | "hat" | "other"; born: number; strength: number }

const TRACK_COLOR: Record<NoteTrack, string> = { lead: "255, 214, 140", chords: "150, 200, 255", bass: "200, 150, 255" };
const LOWEST = 28;
const HIGHEST = 100;

export function drumFamily(name: string): Hit["drum"] {
  if (/kick|bass ?drum|bd/i.test(name)) return "kick";
  if (/snare|rim|clap/i.test(name)) return "snare";
  if (/hat|shaker|ride|cymbal/i.test(name)) return "hat";
  return "other";
}

/** Where a pitch sits across the screen, 0 (low) to 1 (high). */
export function pitchPosition(pitch: number): number {
  return Math.min(1, Math.max(0, (pitch - LOWEST) / (HIGHEST - LOWEST)));
}

export class NoteVisualizer {
  private beads: Bead[] = [];
  private hits: Hit[] = [];
  private energyValue = 0;
  /** Counts of what was drawn, for tests: notes and hits seen since the page began. */
  readonly seen = { notes: 0, hits: 0 };

  note(pitch: number, velocity: number, seconds: number, track: NoteTrack, now: number): void {
    this.seen.notes++;
    this.beads.push({ x: pitchPosition(pitch), born: now, life: Math.min(4, Math.max(0.6, seconds + 0.8)), size: 4 + velocity * 10, track });
    if (this.beads.length > 300) this.beads.shift();
    this.energyValue = Math.min(1, this.energyValue + velocity * 0.15);
  }

  hit(drum: string, velocity: number, now: number): void {
    this.seen.hits++;
    this.hits.push({ drum: drumFamily(drum), born: now, strength: velocity });
    if (this.hits.length > 100) this.hits.shift();
    this.energyValue = Math.min(1, this.energyValue + velocity * (drumFamily(drum) === "kick" ? 0.35 : 0.1));
  }

  get energy(): number {
    return this.energyValue;
  }

  draw(context: CanvasRenderingContext2D, width: number, height: number, now: number, delta: number): void {
    this.energyValue *= Math.exp(-delta * 3);
    this.beads = this.beads.filter((bead) => now - bead.born < bead.life);
    for (const bead of this.beads) {
      const age = (now - bead.born) / bead.life;
      const x = width * (0.05 + 0.9 * bead.x);
      const y = height * (0.8 - 0.5 * age);
      const gradient = context.createRadialGradient(x, y, 0, x, y, bead.size * 2.5);
      gradient.addColorStop(0, `rgba(${TRACK_COLOR[bead.track]}, ${0.9 * (1 - age)})`);
      gradient.addColorStop(1, `rgba(${TRACK_COLOR[bead.track]}, 0)`);
      context.fillStyle = gradient;
      context.beginPath();
      context.arc(x, y, bead.size * 2.5, 0, Math.PI * 2);
      context.fill();
    }
    this.hits = this.hits.filter((hit) => now - hit.born < 0.6);
    for (const hit of this.hits) {
      const age = (now - hit.born) / 0.6;
      const alpha = (1 - age) * hit.strength;
      if (hit.drum === "kick") {
        context.strokeStyle = `rgba(255, 210, 160, ${0.22 * alpha})`;
        context.lineWidth = 2;
        context.beginPath();
        context.arc(width / 2, height, 40 + age * Math.min(width, height) * 0.4, Math.PI, 0);
        context.stroke();
      } else if (hit.drum === "snare") {
        context.fillStyle = `rgba(255, 240, 220, ${0.08 * alpha})`;
        context.fillRect(0, 0, width, height);
      } else {
        context.fillStyle = `rgba(255, 255, 255, ${0.6 * alpha})`;
        context.fillRect(width * (0.3 + 0.4 * ((hit.born * 7.1) % 1)), height * 0.97, 12, 2);
      }
    }
  }
}
