// What every layer shares: the context it was made in (the live one, or an
// offline one when the mix is rendered to WAV), that context's Transport, and
// one output node the mixer connects to a channel.
import * as Tone from "tone";
import { barAtTime, currentBar } from "../transport/Bars";
import { barsToTransportTime } from "../transport/TransportTime";

export interface LayerOptions {
  context: Tone.BaseContext;
  /** Where the layer's sound goes (its mixer channel). */
  output: Tone.InputNode;
}

export abstract class Layer {
  protected readonly context: Tone.BaseContext;
  protected readonly transport: Tone.BaseContext["transport"];
  protected readonly output: Tone.InputNode;
  private readonly transportEvents: Array<[string, (...args: any[]) => void]> = [];

  constructor(options: LayerOptions) {
    this.context = options.context;
    this.transport = options.context.transport;
    this.output = options.output;
  }

  /** Transport time of the start of a bar, counted from zero. */
  protected barTime(bar: number): string {
    return barsToTransportTime(bar);
  }

  /** The bar under the Transport's position right now. */
  protected currentBar(): number {
    return currentBar(this.transport);
  }

  /** The bar that holds audio-context time `time` (see `barAtTime` in Bars). */
  protected barAtTime(time: number, round?: "floor" | "nearest"): number {
    return barAtTime(this.transport, time, round);
  }

  /** Stops `parts` at `bar` and disposes of them a bar later, when their last notes have been let go. */
  protected retireParts(parts: ReadonlyArray<Tone.Part<any>>, bar: number): void {
    if (parts.length === 0) return;
    for (const part of parts) part.stop(this.barTime(bar));
    this.transport.scheduleOnce(() => parts.forEach((part) => part.dispose()), this.barTime(bar + 1));
  }

  /** Listens to the Transport (start, pause, stop) until dispose. */
  protected onTransport(event: "start" | "pause" | "stop", listener: (time: number, offset?: number) => void): void {
    this.transport.on(event, listener);
    this.transportEvents.push([event, listener]);
  }

  dispose(): void {
    for (const [event, listener] of this.transportEvents) this.transport.off(event as "start", listener);
    this.transportEvents.length = 0;
  }
}
