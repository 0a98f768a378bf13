// Talks to `lofi serve`: the manifest, generation, moods and speech. Every
// failure becomes an Error that names the endpoint and what went wrong.
import { JsonReader } from "./JsonReader";
import { RequestError } from "./RequestError";
import { parseManifest, type Manifest } from "./Manifest";
import {
  errorMessage,
  type GenerateRequest,
  generateQuery,
  generateRequestBody,
  type MoodAnswer,
  parseMoodAnswer,
  parsePhrase,
  parseServerInfo,
  type Phrase,
  type ServerInfo,
} from "./ServerApi";

export interface ServerClientOptions {
  /** Prefix of every address; "" for the page's own server. */
  base: string;
  assetsPath: string;
  fetch: typeof fetch;
}

export class ServerClient {
  private readonly options: ServerClientOptions;

  constructor(options: Partial<ServerClientOptions> = {}) {
    this.options = { base: "", assetsPath: "/assets/", fetch: globalThis.fetch.bind(globalThis), ...options };
  }

  async manifest(): Promise<Manifest> {
    const path = `${this.options.assetsPath}manifest.json`;
    return parseManifest(await this.json(path, { method: "GET" }), this.options.base + this.options.assetsPath);
  }

  async generate(request: GenerateRequest): Promise<Phrase> {
    return parsePhrase(await this.json("/api/generate", this.post(generateRequestBody(request))));
  }

  async mood(text: string): Promise<MoodAnswer> {
    return parseMoodAnswer(await this.json("/api/mood", this.post({ text })));
  }

  /** The spoken text as encoded audio (Ogg or WAV, whatever the server sends). */
  async speak(text: string): Promise<ArrayBuffer> {
    const response = await this.request("/api/speak", this.post({ text }));
    return response.arrayBuffer();
  }

  async info(): Promise<ServerInfo> {
    return parseServerInfo(await this.json("/api/info", { method: "GET" }));
  }

  midiUrl(request: GenerateRequest): string {
    return `${this.options.base}/api/generate.mid?${generateQuery(request)}`;
  }

  private post(body: unknown): RequestInit {
    return { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await this.options.fetch(this.options.base + path, init);
    } catch (error) {
      throw new RequestError(`${path}: cannot reach the server (${(error as Error).message})`);
    }
    if (!response.ok) throw new RequestError(errorMessage(response.status, response.statusText, await response.text(), path), response.status);
    return response;
  }

  private async json(path: string, init: RequestInit): Promise<unknown> {
    const text = await (await this.request(path, init)).text();
    return JsonReader.parse(text, path).value;
  }
}
