import { describe, expect, it } from "vitest";
import { formatTransportTime, parseTransportTime, secondsOfBars, TransportTimeError } from "./TransportTime";

describe("parseTransportTime", () => {
  it("reads bars, quarters and sixteenths as quarter notes from the start", () => {
    expect(parseTransportTime("0:0:0")).toBe(0);
    expect(parseTransportTime("2:1:0")).toBe(9);
    expect(parseTransportTime("4:2:0")).toBe(18);
    expect(parseTransportTime("0:0:2")).toBe(0.5);
    expect(parseTransportTime("1:3:1.5")).toBe(7.375);
  });

  it("uses the bar length it is given", () => {
    expect(parseTransportTime("2:1:0", 3)).toBe(7);
  });

  it.each([
    ["", "expected bars:quarters:sixteenths"],
    ["1:2", "expected bars:quarters:sixteenths"],
    ["1:2:3:4", "expected bars:quarters:sixteenths"],
    ["a:0:0", "'a' is not a number"],
    ["-1:0:0", "'-1' is not a number"],
    ["1.5:0:0", "whole numbers"],
    ["1::0", "'' is not a number"],
  ])("rejects %j naming the text", (text, why) => {
    expect(() => parseTransportTime(text)).toThrow(TransportTimeError);
    expect(() => parseTransportTime(text)).toThrow(why);
    expect(() => parseTransportTime(text)).toThrow(`'${text}'`);
  });
});

describe("formatTransportTime", () => {
  it("writes the Tone.js form", () => {
    expect(formatTransportTime(0)).toBe("0:0:0");
    expect(formatTransportTime(9)).toBe("2:1:0");
    expect(formatTransportTime(0.5)).toBe("0:0:2");
    expect(formatTransportTime(7.375)).toBe("1:3:1.5");
  });

  it("does not print rounding noise", () => {
    expect(formatTransportTime(0.99999999)).toBe("0:1:0");
  });

  it("round-trips with the parser", () => {
    for (const quarters of [0, 0.25, 1, 3.75, 4, 17.5, 119.75, 2.125]) {
      expect(parseTransportTime(formatTransportTime(quarters))).toBeCloseTo(quarters, 9);
    }
  });
});

describe("secondsOfBars", () => {
  it("times bars of 4/4 at a tempo", () => {
    expect(secondsOfBars(1, 100)).toBeCloseTo(2.4);
    expect(secondsOfBars(30, 80)).toBe(90);
  });
});
