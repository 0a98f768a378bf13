import { describe, expect, it } from "vitest";
import { isRefusal, RequestError } from "./RequestError";

describe("RequestError", () => {
  it("tells a refused value from a failing server", () => {
    expect(isRefusal(new RequestError("/api/generate: 400 unknown chord 'Xq9'", 400))).toBe(true);
    expect(isRefusal(new RequestError("/api/generate: 503 busy", 503))).toBe(false);
    expect(isRefusal(new RequestError("/api/generate: cannot reach the server"))).toBe(false);
    expect(isRefusal(new Error("/api/generate: 400 no"))).toBe(false);
  });

  it("gives the server's reason alone", () => {
    expect(new RequestError("/api/generate: 400 unknown chord 'Xq9'", 400).reason).toBe("unknown chord 'Xq9'");
  });
});
