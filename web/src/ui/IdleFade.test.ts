import { describe, expect, it } from "vitest";
import { IDLE_AFTER_MS, isIdle } from "./IdleFade";

describe("isIdle", () => {
  it("fades the dock only while playing, after a quiet while, with the drawer closed", () => {
    const quiet = { now: IDLE_AFTER_MS + 1, lastActivity: 0 };
    expect(isIdle({ ...quiet, playing: true, drawerOpen: false })).toBe(true);
    expect(isIdle({ ...quiet, playing: false, drawerOpen: false })).toBe(false);
    expect(isIdle({ ...quiet, playing: true, drawerOpen: true })).toBe(false);
    expect(isIdle({ now: IDLE_AFTER_MS - 1, lastActivity: 0, playing: true, drawerOpen: false })).toBe(false);
  });
});
