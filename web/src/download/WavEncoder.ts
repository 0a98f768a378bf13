// PCM samples -> a 16-bit WAV file, for the mix download.

export function encodeWav(channels: Float32Array[], sampleRate: number): ArrayBuffer {
  if (channels.length === 0 || channels.length > 8) throw new RangeError(`a WAV needs 1 to 8 channels, got ${channels.length}`);
  const frames = channels[0]!.length;
  if (channels.some((channel) => channel.length !== frames)) throw new RangeError("all channels must have the same length");
  if (!Number.isInteger(sampleRate) || sampleRate < 1) throw new RangeError(`bad sample rate ${sampleRate}`);
  const bytesPerFrame = channels.length * 2;
  const dataBytes = frames * bytesPerFrame;
  const buffer = new ArrayBuffer(44 + dataBytes);
  const view = new DataView(buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * bytesPerFrame, true);
  view.setUint16(32, bytesPerFrame, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, dataBytes, true);
  let offset = 44;
  for (let frame = 0; frame < frames; frame++) {
    for (const channel of channels) {
      const sample = Math.max(-1, Math.min(1, channel[frame]!));
      view.setInt16(offset, Math.round(sample < 0 ? sample * 0x8000 : sample * 0x7fff), true);
      offset += 2;
    }
  }
  return buffer;
}
