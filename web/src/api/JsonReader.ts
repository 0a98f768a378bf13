// Reads untrusted JSON field by field, naming the path of whatever is wrong
// ("manifest.grooves[2].pattern[5]: expected an array, got number"). The
// manifest, API and song parsers are built on it so every error reads alike.

export class DataError extends Error {
  constructor(readonly path: string, readonly why: string) {
    super(`${path}: ${why}`);
    this.name = "DataError";
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "..." : value}"`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

export class JsonReader {
  constructor(readonly value: unknown, readonly path: string) {}

  /** Parses text as JSON, naming `path` (for example the URL) when it is not JSON. */
  static parse(text: string, path: string): JsonReader {
    try {
      return new JsonReader(JSON.parse(text), path);
    } catch (error) {
      throw new DataError(path, `not JSON (${(error as Error).message})`);
    }
  }

  fail(why: string): never {
    throw new DataError(this.path, why);
  }

  private object(): Record<string, unknown> {
    if (typeof this.value !== "object" || this.value === null || Array.isArray(this.value)) {
      this.fail(`expected an object, got ${describe(this.value)}`);
    }
    return this.value as Record<string, unknown>;
  }

  has(key: string): boolean {
    const object = this.object();
    return Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined && object[key] !== null;
  }

  field(key: string): JsonReader {
    const object = this.object();
    if (!this.has(key)) this.fail(`missing field '${key}'`);
    return new JsonReader(object[key], `${this.path}.${key}`);
  }

  optionalField(key: string): JsonReader | undefined {
    return this.has(key) ? this.field(key) : undefined;
  }

  /** The first of several accepted names for one field (the API is still settling its names). */
  fieldOf(...keys: string[]): JsonReader {
    for (const key of keys) if (this.has(key)) return this.field(key);
    return this.fail(`missing field '${keys.join("' or '")}'`);
  }

  optionalFieldOf(...keys: string[]): JsonReader | undefined {
    for (const key of keys) if (this.has(key)) return this.field(key);
    return undefined;
  }

  keys(): string[] {
    return Object.keys(this.object());
  }

  entries(): Array<[string, JsonReader]> {
    const object = this.object();
    return Object.keys(object).map((key) => [key, new JsonReader(object[key], `${this.path}.${key}`)]);
  }

  isArray(): boolean {
    return Array.isArray(this.value);
  }

  isString(): boolean {
    return typeof this.value === "string";
  }

  isNumber(): boolean {
    return typeof this.value === "number";
  }

  array(maxLength = 100_000): JsonReader[] {
    if (!Array.isArray(this.value)) this.fail(`expected an array, got ${describe(this.value)}`);
    const items = this.value as unknown[];
    if (items.length > maxLength) this.fail(`more than ${maxLength} entries (${items.length})`);
    return items.map((item, index) => new JsonReader(item, `${this.path}[${index}]`));
  }

  string(options: { nonEmpty?: boolean; maxLength?: number } = {}): string {
    if (typeof this.value !== "string") this.fail(`expected a string, got ${describe(this.value)}`);
    const text = this.value as string;
    if (options.nonEmpty !== false && text.length === 0) this.fail("must not be empty");
    if (text.length > (options.maxLength ?? 10_000)) this.fail(`longer than ${options.maxLength ?? 10_000} characters`);
    return text;
  }

  number(range: { min?: number; max?: number; integer?: boolean } = {}): number {
    if (typeof this.value !== "number" || !Number.isFinite(this.value)) {
      this.fail(`expected a number, got ${describe(this.value)}`);
    }
    const number = this.value as number;
    if (range.integer && !Number.isInteger(number)) this.fail(`expected a whole number, got ${number}`);
    if (range.min !== undefined && number < range.min) this.fail(`${number} is below ${range.min}`);
    if (range.max !== undefined && number > range.max) this.fail(`${number} is above ${range.max}`);
    return number;
  }

  /** A string read by one of the page's own parsers (a note name, a Transport time); its error is reported at this path. */
  parsedString<T>(parse: (text: string) => T): T {
    const text = this.string();
    try {
      return parse(text);
    } catch (error) {
      return this.fail((error as Error).message);
    }
  }

  boolean(): boolean {
    if (typeof this.value !== "boolean") this.fail(`expected true or false, got ${describe(this.value)}`);
    return this.value as boolean;
  }
}
