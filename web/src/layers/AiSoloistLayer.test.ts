import { describe, expect, it } from "vitest";
import { FakeServer } from "../api/FakeServer";
import { phraseSeed } from "../api/ServerApi";
import { FakeTransport } from "../transport/FakeTransport";
import { LoopPlan } from "../transport/LoopPlan";
import { AiSoloistLayer, nextSlotPhrase } from "./AiSoloistLayer";
import { FakePerformer } from "./FakePerformer";

describe("nextSlotPhrase", () => {
  it("moves on to the phrase asked for ahead in endless mode", () => {
    expect(nextSlotPhrase("phrase 1", "phrase 2", true)).toBe("phrase 2");
  });
  it("repeats the current phrase when the next is late, so there is no gap", () => {
    expect(nextSlotPhrase("phrase 1", undefined, true)).toBe("phrase 1");
  });
  it("repeats the current phrase when not endless", () => {
    expect(nextSlotPhrase("phrase 1", "phrase 2", false)).toBe("phrase 1");
  });
});

/** Lets answered promises run their callbacks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function soloist(endless: boolean) {
  const transport = new FakeTransport();
  const server = new FakeServer();
  const performer = new FakePerformer();
  const asked: Array<[index: number, bar: number]> = [];
  const layer = new AiSoloistLayer({
    transport,
    plan: new LoopPlan(),
    endless,
    performer,
    requestFor: (index) => ({ bars: 30, temperature: 1, topP: 0.95, seed: phraseSeed(7, index) }),
    generate: (request) => server.generate(request),
    onPhraseRequested: (index, bar) => asked.push([index, bar]),
  });
  transport.start();
  return { transport, server, performer, asked, layer };
}

describe("AiSoloistLayer", () => {
  it("asks for every phrase itself: phrase 1 four bars before phrase 0 ends, heard right after it", async () => {
    const { transport, performer, asked, layer } = soloist(true);
    const first = await layer.fetch(0);
    layer.start(2, first, null);
    expect(performer.played).toEqual([{ index: 0, seed: 7, startBar: 2, endBar: 32 }]);
    transport.advanceToBar(27);
    expect(asked).toEqual([[0, 0]]);
    transport.advanceToBar(28);
    await settle();
    expect(asked).toEqual([[0, 0], [1, 28]]);
    transport.advanceToBar(31);
    expect(performer.played[1]).toEqual({ index: 1, seed: phraseSeed(7, 1), startBar: 32, endBar: 62 });
    expect(layer.slot?.index).toBe(1);
    expect(layer.slot?.request.seed).toBe(phraseSeed(7, 1));
  });

  it("plays phrase 0 again when phrase 1 is late, rather than leave a gap", async () => {
    const { transport, server, performer, layer } = soloist(true);
    layer.start(0, await layer.fetch(0), null);
    server.holding = true;
    transport.advanceToBar(29);
    await settle();
    expect(performer.played.map((slot) => [slot.index, slot.startBar])).toEqual([[0, 0], [0, 30]]);
  });

  it("repeats its one phrase and asks for no other when not endless", async () => {
    const { transport, server, performer, layer } = soloist(false);
    layer.start(0, await layer.fetch(0), null);
    transport.advanceToBar(65);
    await settle();
    expect(server.requests).toHaveLength(1);
    expect(performer.played.map((slot) => [slot.index, slot.startBar])).toEqual([[0, 0], [0, 30], [0, 60]]);
  });

  it("falls silent where it is stopped and ignores an answer that comes after", async () => {
    const { transport, server, performer, layer } = soloist(true);
    layer.start(0, await layer.fetch(0), null);
    server.holding = true;
    transport.advanceToBar(27);
    layer.stopAt(28);
    server.release();
    await settle();
    transport.advanceToBar(90);
    expect(performer.stops).toEqual([0, 28]);
    expect(performer.played).toHaveLength(1);
    expect(transport.pendingEvents).toBe(0);
  });
});
