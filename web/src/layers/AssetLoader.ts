// Fetches and decodes sounds once, keeping them by URL. Counts the bytes so the
// loading indicator can show progress and the page can report what it fetched.
import * as Tone from "tone";

export type LoadListener = (loading: number, loadedBytes: number) => void;

export class AssetLoader {
  private readonly buffers = new Map<string, Promise<Tone.ToneAudioBuffer>>();
  private inFlight = 0;
  loadedBytes = 0;

  constructor(private readonly onChange: LoadListener = () => {}) {}

  load(url: string): Promise<Tone.ToneAudioBuffer> {
    let promise = this.buffers.get(url);
    if (!promise) {
      promise = this.fetchAndDecode(url);
      this.buffers.set(url, promise);
      // A failed load may be retried later (the server may have been restarting).
      promise.catch(() => this.buffers.delete(url));
    }
    return promise;
  }

  /** Decodes bytes that did not come from a URL (a spoken custom quote). */
  async decode(bytes: ArrayBuffer, what: string): Promise<Tone.ToneAudioBuffer> {
    try {
      return new Tone.ToneAudioBuffer(await Tone.getContext().decodeAudioData(bytes));
    } catch (error) {
      throw new Error(`${what}: cannot decode audio (${(error as Error).message ?? error})`);
    }
  }

  private async fetchAndDecode(url: string): Promise<Tone.ToneAudioBuffer> {
    this.inFlight++;
    this.onChange(this.inFlight, this.loadedBytes);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
      const bytes = await response.arrayBuffer();
      this.loadedBytes += bytes.byteLength;
      return await this.decode(bytes, url);
    } finally {
      this.inFlight--;
      this.onChange(this.inFlight, this.loadedBytes);
    }
  }
}
