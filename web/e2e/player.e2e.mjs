// End-to-end: the built page in Debian's headless Chromium against a running
// server (`lofi serve` from LOFI_BINARY; the fixture stand-in with --fixtures).
// Every option is chosen and played and the analyser on the master output must
// show sound; the AI soloist must play the server's notes; a shared link must
// play the same notes; tempo and volume must change while playing.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { artifactPath, startBrowser, startServer } from "./harness.mjs";

/** A link with every layer off at 100 BPM, then `overrides` (later keys win). */
function quiet(overrides = "") {
  const params = new URLSearchParams("drums=none&ambience=none&quote=none&melody=none&bpm=100");
  for (const [key, value] of new URLSearchParams(overrides)) params.set(key, value);
  return params.toString();
}
const SOUND = 0.001;
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await startBrowser();
  console.log(`e2e: against ${server.kind} at ${server.base}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPlayer(query, options = {}) {
  const page = await browser.context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.base}/?${query}`);
  await page.waitForFunction(() => window.lofi?.ready || window.lofi?.error, null, { timeout: 20_000 });
  const error = await page.evaluate(() => window.lofi.error);
  if (error) throw new Error(`the page did not start: ${error}`);
  return { page, errors };
}

/** Opens the drawer (chords, mood, every layer, downloads) if it is closed. */
async function openDrawer(page) {
  if (await page.isHidden("#drawer")) await page.click("#open-drawer");
  await page.waitForSelector("#drawer", { state: "visible" });
}

async function press(page, selector = "#play") {
  await page.click(selector);
}

async function waitFor(page, predicate, argument, timeout = 15_000, what = "condition") {
  try {
    await page.waitForFunction(predicate, argument, { timeout, polling: 20 });
  } catch (error) {
    const status = await page.evaluate(() => document.getElementById("status").textContent);
    throw new Error(`${what} not met within ${timeout} ms (page status: "${status}")`);
  }
}

/** Waits until the master analyser shows sound and `extra` holds. */
function waitForSound(page, what, extra = "true") {
  return waitFor(page, ([threshold, condition]) => window.lofi.level() > threshold && new Function(`return ${condition}`)(), [SOUND, extra], 15_000, `sound from ${what}`);
}

/** Waits until the master output has stayed silent for half a second (not just a gap between hits). */
function waitForSilence(page, what, timeout = 4000) {
  return waitFor(
    page,
    () => {
      const now = performance.now();
      if (window.lofi.level() > 1e-4 || window.__loudAt === undefined) window.__loudAt = now;
      return now - window.__loudAt > 500;
    },
    null,
    timeout,
    what,
  );
}

async function options(page, select) {
  return page.evaluate((id) => [...document.querySelectorAll(`#${id} option`)].map((option) => option.value).filter((value) => value !== "none" && value !== "custom"), select);
}

async function allOptions() {
  const { page } = await openPlayer(quiet());
  const found = {
    drums: await options(page, "drums"),
    ambience: await options(page, "ambience"),
    quote: await options(page, "quote"),
    melody: await options(page, "melody"),
  };
  await page.close();
  return found;
}

describe("the web player", () => {
  let choices;

  it("lists the grooves, ambiences, quotes and songs it was given", async () => {
    choices = await allOptions();
    assert.ok(choices.drums.length >= 4, `grooves: ${choices.drums}`);
    assert.ok(choices.ambience.length >= 5, `ambiences: ${choices.ambience}`);
    assert.ok(choices.quote.length >= 1, `quotes: ${choices.quote}`);
    assert.deepEqual(choices.melody.filter((value) => value.startsWith("song:")).length, 3);
    assert.ok(choices.melody.includes("ai"));
  });

  it("plays every groove", { timeout: 120_000 }, async () => {
    for (const groove of choices.drums) {
      const { page, errors } = await openPlayer(quiet(`drums=${groove}`));
      await press(page);
      await waitForSound(page, `groove ${groove}`, "window.lofi.drumHits > 0");
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  it("plays every ambience and draws its scene", { timeout: 120_000 }, async () => {
    for (const ambience of choices.ambience) {
      const { page } = await openPlayer(quiet(`ambience=${ambience}`));
      await press(page);
      await waitForSound(page, `ambience ${ambience}`);
      await page.waitForTimeout(1600); // let the scene crossfade in and move
      const scene = await page.evaluate(() => window.lofi.scene());
      assert.notEqual(scene, "quiet", `ambience ${ambience} has a scene of its own`);
      await page.screenshot({ path: artifactPath(`scene-${ambience}.png`) });
      await page.close();
    }
  });

  it("speaks the quote first at the fifth bar, with crackle under it", { timeout: 60_000 }, async () => {
    const { page } = await openPlayer(quiet(`quote=${choices.quote[0]}`));
    await press(page);
    await waitForSound(page, "the quote at bar 5", "window.lofi.quotesSpoken >= 1");
    assert.deepEqual(await page.evaluate(() => window.lofi.quoteBars), [4], "spoken at bar index 4, the fifth bar, and not before");
    assert.equal(await page.evaluate(() => window.lofi.quotesWithCrackle), 1, "crackle under the quote");
    await page.close();
  });

  it("speaks every quote, and the listener's own words", { timeout: 120_000 }, async () => {
    const { page } = await openPlayer(quiet());
    await press(page);
    await waitFor(page, () => window.lofi.bar() >= 0 && window.lofi.probeStarted !== false, null, 5000, "transport");
    await openDrawer(page);
    for (const quote of choices.quote) {
      const spoken = await page.evaluate(() => window.lofi.quotesSpoken);
      await page.selectOption("#quote", quote);
      await waitForSound(page, `quote ${quote}`, `window.lofi.quotesSpoken > ${spoken}`);
    }
    const spoken = await page.evaluate(() => window.lofi.quotesSpoken);
    await page.selectOption("#quote", "custom");
    await page.fill("#quote-text", "Stay a while and listen.");
    await page.click("#custom-quote button[type=submit]");
    await waitForSound(page, "a custom quote", `window.lofi.quotesSpoken > ${spoken}`);
    assert.match(page.url(), /text=Stay\+a\+while/);
    await page.close();
  });

  it("plays every song", { timeout: 120_000 }, async () => {
    for (const song of choices.melody.filter((value) => value.startsWith("song:"))) {
      const { page, errors } = await openPlayer(quiet(`melody=${song}`));
      await press(page);
      await waitForSound(page, song, "window.lofi.notesPlayed > 0");
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  let sharedUrl;
  let firstNotes;

  it("plays the AI soloist's notes as the server sent them", { timeout: 60_000 }, async () => {
    const { page } = await openPlayer(quiet(`melody=ai&seed=4242`));
    const answers = [];
    page.on("response", async (response) => {
      if (response.url().endsWith("/api/generate") && response.ok()) answers.push(await response.json());
    });
    await press(page);
    await waitForSound(page, "the AI soloist", "window.lofi.playedAiNotes.length >= 8");
    assert.ok(answers.length >= 1, "the page asked the server for a phrase");
    const served = answers[0].notes.map((note) => note.pitch ?? note.midi ?? note.note);
    const played = await page.evaluate(() => window.lofi.playedAiNotes.filter((note) => note.index === 0).slice(0, 8));
    const phrase = await page.evaluate(() => window.lofi.phrases[0]);
    assert.equal(phrase.notes.length, answers[0].notes.length, "every note the server sent was scheduled");
    // The notes heard are the first of the phrase, in order, at their times.
    assert.deepEqual(played.map((note) => ({ time: note.time, pitch: note.pitch })), phrase.notes.slice(0, 8));
    for (const note of played) assert.ok(served.includes(note.pitch), `pitch ${note.pitch} came from the server`);
    sharedUrl = page.url();
    firstNotes = played;
    await page.close();
  });

  it("plays the same notes from a shared link", { timeout: 60_000 }, async () => {
    assert.ok(sharedUrl, "the previous test left a link");
    const query = new URL(sharedUrl).search.slice(1);
    assert.match(query, /seed=4242/);
    const { page } = await openPlayer(query);
    await press(page);
    await waitForSound(page, "the shared link", "window.lofi.playedAiNotes.length >= 8");
    const played = await page.evaluate(() => window.lofi.playedAiNotes.filter((note) => note.index === 0).slice(0, 8));
    assert.deepEqual(played, firstNotes);
    await page.close();
  });

  it("asks for the next phrase before the current one ends and plays it 30 bars after the first", { timeout: 150_000 }, async () => {
    const { page } = await openPlayer(quiet("melody=ai&seed=31&endless=1&drums=boom-bap"));
    await press(page);
    await waitFor(page, () => window.lofi.phrases.some((phrase) => phrase.index === 1), null, 110_000, "the second phrase");
    const { phrases, requests } = await page.evaluate(() => ({ phrases: window.lofi.phrases, requests: window.lofi.phraseRequests }));
    const first = phrases.find((phrase) => phrase.index === 0);
    const second = phrases.find((phrase) => phrase.index === 1);
    assert.equal(second.startBar, first.startBar + 30, "each phrase fills 30 bars");
    const asked = requests.find((request) => request.index === 1);
    assert.ok(asked.bar < second.startBar, `phrase 2 asked for at bar ${asked.bar}, before bar ${second.startBar}`);
    assert.notDeepEqual(second.notes, first.notes, "the music goes on without repeating");
    await waitFor(page, (index) => window.lofi.playedAiNotes.some((note) => note.index === index), 1, 20_000, "notes of the second phrase heard");
    await page.close();
  });

  it("follows a mood sentence and shows what it became", { timeout: 60_000 }, async () => {
    const { page } = await openPlayer(quiet(`melody=ai&seed=7`));
    const requests = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/generate")) requests.push(JSON.parse(request.postData() ?? "{}"));
    });
    await press(page);
    await waitForSound(page, "the AI soloist", "window.lofi.playedAiNotes.length >= 1");
    await openDrawer(page);
    await page.fill("#mood", "rainy sunday, a bit sad");
    await page.click("#ai-form button[type=submit]");
    await waitFor(page, () => document.getElementById("mood-result").textContent.length > 0, null, 10_000, "the mood shown");
    await waitFor(page, () => window.lofi.phrases.length >= 2, null, 20_000, "a phrase for the mood");
    assert.ok(requests.some((request) => request.mood === "rainy sunday, a bit sad"), "the mood went to the server");
    assert.match(page.url(), /mood=rainy\+sunday/);
    await page.close();
  });

  it("changes tempo and volume while playing, at the next bar, without restarting", { timeout: 60_000 }, async () => {
    const { page } = await openPlayer("drums=boom-bap&ambience=none&quote=none&melody=none&bpm=80");
    await press(page);
    await waitForSound(page, "drums", "window.lofi.bar() >= 1");
    const before = await page.evaluate(() => ({ bar: window.lofi.bar(), hits: window.lofi.drumHits }));
    await openDrawer(page);
    await page.locator("#tempo").fill("96");
    await waitFor(page, () => window.lofi.scheduled.some((change) => change.key === "tempo" && change.requestedAt > 0), null, 3000, "the tempo change scheduled");
    const change = await page.evaluate(() => window.lofi.scheduled.findLast((entry) => entry.key === "tempo"));
    assert.ok(change.bar === change.requestedAt + 1 || change.bar === change.requestedAt + 2, `asked at bar ${change.requestedAt}, heard at bar ${change.bar}`);
    await waitFor(page, () => window.lofi.bpm() > 95.5, null, 8000, "tempo 96");
    const barWhenFaster = await page.evaluate(() => window.lofi.bar());
    assert.ok(barWhenFaster >= change.bar, `the tempo changed at bar ${barWhenFaster}, not before bar ${change.bar}`);
    const after = await page.evaluate(() => ({ bar: window.lofi.bar(), hits: window.lofi.drumHits }));
    assert.ok(after.bar >= before.bar && after.bar <= before.bar + 2, `the transport went on (bar ${before.bar} -> ${after.bar})`);
    assert.match(page.url(), /bpm=96/);
    await page.locator("#vol-master").fill("0");
    await waitForSilence(page, "silence at volume 0");
    await page.locator("#vol-master").fill("80");
    await waitForSound(page, "volume back up", `window.lofi.drumHits > ${after.hits}`);
    // D mutes the drums (the only layer here), D again brings them back.
    await page.keyboard.press("d");
    await waitForSilence(page, "silence with drums muted");
    await page.keyboard.press("d");
    await waitForSound(page, "drums unmuted");
    await page.close();
  });

  it("pauses and resumes where it stopped", { timeout: 60_000 }, async () => {
    // At 100 BPM the Transport moves 320 ticks a second (a bar, 768 ticks, is 2.4 s):
    // over the 3 s wait a Transport that kept running would move about 960 ticks.
    const { page } = await openPlayer("drums=boom-bap&ambience=none&quote=none&melody=none&bpm=100");
    await page.keyboard.press("Space");
    await waitForSound(page, "drums", "window.lofi.bar() >= 1");
    await page.keyboard.press("Space");
    await page.waitForTimeout(300);
    const paused = await page.evaluate(() => ({ ticks: window.lofi.ticks(), hits: window.lofi.drumHits }));
    await page.waitForTimeout(3000);
    const still = await page.evaluate(() => ({ ticks: window.lofi.ticks(), hits: window.lofi.drumHits }));
    assert.deepEqual(still, paused, "the Transport holds its position and no drum is scheduled while paused");
    await waitForSilence(page, "silence when paused");
    await page.keyboard.press("Space");
    await waitFor(page, (ticks) => window.lofi.ticks() > ticks, paused.ticks, 3000, "the Transport moving again");
    const resumed = await page.evaluate(() => window.lofi.ticks());
    assert.ok(resumed - paused.ticks < 768, `resumed at tick ${resumed}, paused at ${paused.ticks}: where it stopped, not from the start`);
    await waitForSound(page, "resumed drums", `window.lofi.drumHits > ${paused.hits}`);
    await page.close();
  });

  it("downloads the AI track as MIDI and renders the mix as WAV", { timeout: 120_000 }, async () => {
    const { page } = await openPlayer("drums=boom-bap&ambience=rain&quote=none&melody=ai&seed=99&bpm=100");
    await press(page);
    await waitFor(page, () => window.lofi.playedAiNotes.length >= 1, null, 20_000, "AI notes");
    await openDrawer(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-midi")]);
    const midi = readFileSync(await download.path());
    assert.equal(midi.subarray(0, 4).toString("latin1"), "MThd");
    const mix = await page.evaluate(() => window.lofi.renderWav(4));
    const expectedBytes = 44 + Math.round(mix.seconds * 44100) * 4;
    assert.ok(Math.abs(mix.bytes - expectedBytes) < 4 * 44100, `WAV of ${mix.bytes} bytes for ${mix.seconds} s`);
    console.log(`e2e: rendered ${mix.seconds.toFixed(1)} s of mix in ${(mix.renderMs / 1000).toFixed(2)} s`);
    await page.close();
  });

  it("fits a phone screen and labels every control", { timeout: 30_000 }, async () => {
    const { page } = await openPlayer(quiet(), { viewport: { width: 390, height: 844 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 391, `page is ${overflow} px wide on a 390 px screen`);
    const outside = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("input, select, button")]
          .filter((control) => control.offsetParent !== null && control.getBoundingClientRect().right > window.innerWidth + 1)
          .map((control) => control.id),
      );
    assert.deepEqual(await outside(), [], "every visible control of the dock fits across the screen");
    assert.ok(await page.isVisible("#play"));
    await openDrawer(page);
    assert.deepEqual(await outside(), [], "every control of the drawer fits across the screen");
    await page.screenshot({ path: artifactPath("phone.png") });
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, button")]
        .filter((control) => !(control.labels?.length || control.getAttribute("aria-label") || control.textContent.trim()))
        .map((control) => control.id || control.outerHTML.slice(0, 60)),
    );
    assert.deepEqual(unlabelled, []);
    await page.close();
  });
});
