import { describe, expect, it } from "vitest";
import { encodeWav } from "./WavEncoder";

describe("encodeWav", () => {
  it("writes a RIFF header and interleaved 16-bit samples", () => {
    const left = new Float32Array([0, 1, -1]);
    const right = new Float32Array([0.5, -0.5, 2]);
    const view = new DataView(encodeWav([left, right], 44100));
    const text = (offset: number) => String.fromCharCode(...[0, 1, 2, 3].map((i) => view.getUint8(offset + i)));
    expect(text(0)).toBe("RIFF");
    expect(text(8)).toBe("WAVE");
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(44100);
    expect(view.getUint32(40, true)).toBe(12);
    expect(view.byteLength).toBe(56);
    const samples = [0, 1, 2, 3, 4, 5].map((index) => view.getInt16(44 + index * 2, true));
    expect(samples).toEqual([0, 16384, 32767, -16384, -32768, 32767]);
  });

  it("refuses channels of different lengths", () => {
    expect(() => encodeWav([new Float32Array(2), new Float32Array(3)], 8000)).toThrow("same length");
    expect(() => encodeWav([], 8000)).toThrow("1 to 8 channels");
  });
});
