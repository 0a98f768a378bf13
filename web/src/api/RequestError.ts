// A failed request to the server, with its HTTP status when it got one: a
// 4xx status means the server read the request and refused a value in it
// (chords it cannot read, say), which the player can fall back from.

export class RequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "RequestError";
  }

  /** Whether the server refused what was asked (400-499), as opposed to failing or being unreachable. */
  get refused(): boolean {
    return this.status !== undefined && this.status >= 400 && this.status < 500;
  }

  /** The server's own words, without the endpoint and status in front. */
  get reason(): string {
    return this.message.replace(/^\S+: \d{3} /, "");
  }
}

export function isRefusal(error: unknown): error is RequestError {
  return error instanceof RequestError && error.refused;
}
