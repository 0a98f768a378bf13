// The audio graph of the player for one audio context: the mixer and every
// layer. The live page has one; rendering the mix to WAV builds another in an
// offline context from the same decoded sounds.
import * as Tone from "tone";
import type { GenerateRequest, Phrase, PhraseNote } from "../api/ServerApi";
import { LoopPlan } from "../transport/LoopPlan";
import type { TransportLike } from "../transport/TransportLike";
import { AiSoloistLayer, type PhraseSlot, type SlotPerformer } from "../layers/AiSoloistLayer";
import { AmbienceLayer } from "../layers/AmbienceLayer";
import { DrumLayer } from "../layers/DrumLayer";
import { Ensemble, type EnsembleSamples, type Track } from "../layers/Ensemble";
import { Mixer } from "../layers/Mixer";
import { PhraseParts } from "../layers/PhraseParts";
import { QuoteLayer } from "../layers/QuoteLayer";
import { SongLayer } from "../layers/SongLayer";

export interface RigHooks {
  onHit?: (drum: string, velocity: number, time: number) => void;
  onNote?: (track: Track, pitches: string[], velocity: number, time: number, seconds: number) => void;
  onAiNote?: (note: PhraseNote, phraseIndex: number, time: number) => void;
  /** Phrase `index` of the AI track was asked for while at bar `bar`. */
  onPhraseRequested?: (index: number, bar: number, request: GenerateRequest) => void;
  onPhrase?: (slot: PhraseSlot, startBar: number) => void;
  onSpeak?: (time: number, withCrackle: boolean) => void;
  onError?: (error: Error) => void;
}

/** Everything a Rig needs but its audio context. */
export interface RigSettings {
  plan: LoopPlan;
  seed: number;
  /** The AI soloist's request for phrase `index` with the settings now. */
  requestFor: (index: number) => GenerateRequest;
  /** Sends the AI soloist's requests to the server. */
  generate: (request: GenerateRequest) => Promise<Phrase>;
  endless: boolean;
  analyse: boolean;
  hooks: RigHooks;
}

export interface RigOptions extends RigSettings {
  context: Tone.BaseContext;
}

/** The AI soloist on `transport`, wired to the settings' requests and hooks, sounding through `performer`. */
export function aiSoloistFor(settings: RigSettings, transport: TransportLike, performer: SlotPerformer): AiSoloistLayer {
  return new AiSoloistLayer({
    transport,
    plan: settings.plan,
    endless: settings.endless,
    performer,
    requestFor: settings.requestFor,
    generate: settings.generate,
    onPhraseRequested: settings.hooks.onPhraseRequested,
    onPhrase: settings.hooks.onPhrase,
    onError: settings.hooks.onError,
  });
}

export class Rig {
  readonly context: Tone.BaseContext;
  readonly mixer: Mixer;
  readonly drums: DrumLayer;
  readonly ambience: AmbienceLayer;
  readonly quote: QuoteLayer;
  readonly song: SongLayer;
  readonly ai: AiSoloistLayer;
  private readonly ensembles = new Map<string, Ensemble>();
  private readonly hooks: RigHooks;

  constructor(options: RigOptions) {
    const { context, plan, hooks } = options;
    this.context = context;
    this.hooks = hooks;
    this.mixer = new Mixer({ context, destination: context.destination, analyse: options.analyse });
    const channel = this.mixer.channels;
    this.drums = new DrumLayer({ context, output: channel.drums, kit: new Map(), seed: options.seed, plan, onHit: hooks.onHit });
    this.ambience = new AmbienceLayer({ context, output: channel.ambience, plan });
    this.quote = new QuoteLayer({ context, output: channel.quote, plan, onSpeak: hooks.onSpeak });
    this.song = new SongLayer({ context, output: channel.melody, plan });
    this.ai = aiSoloistFor(options, context.transport, new PhraseParts({ context, output: channel.melody, onNotePlayed: hooks.onAiNote }));
  }

  /** One ensemble per combination of instruments, made once. */
  ensemble(samples: EnsembleSamples): Ensemble {
    const key = `${samples.lead.name}|${samples.chords.name}|${samples.bass.name}`;
    let ensemble = this.ensembles.get(key);
    if (!ensemble) {
      ensemble = new Ensemble({
        context: this.context,
        output: this.mixer.channels.melody,
        samples: { lead: samples.lead.samples, chords: samples.chords.samples, bass: samples.bass.samples },
        onNote: this.hooks.onNote,
      });
      this.ensembles.set(key, ensemble);
    }
    return ensemble;
  }

  releaseNotes(time?: number): void {
    for (const ensemble of this.ensembles.values()) ensemble.releaseAll(time);
  }

  dispose(): void {
    for (const layer of [this.drums, this.ambience, this.quote, this.song, this.ai]) layer.dispose();
    for (const ensemble of this.ensembles.values()) ensemble.dispose();
    this.mixer.dispose();
  }
}
