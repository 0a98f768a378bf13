// End-to-end: the room. The scene fills the window while playing (the share
// not covered by the dock), the dock fades when idle and comes back, the
// drawer opens and closes, the scene holds its frame rate, and the controls
// meet the accessibility checks (names and states, target sizes, the chord
// hint's contrast). Figures are printed for the README.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { artifactPath, startBrowser, startServer } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPlaying(query, viewport) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.base}/?${query}`);
  await page.waitForFunction(() => window.lofi?.ready, null, { timeout: 20_000 });
  await page.click("#play");
  await page.waitForFunction(() => window.lofi.drumHits > 0, null, { timeout: 20_000 });
  return { page, errors };
}

/** The share of the window the scene shows: the window's area less what visible controls cover. */
function sceneShare(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const covering = [...document.querySelectorAll("#dock, #drawer")].filter((element) => {
      const style = getComputedStyle(element);
      return !element.hidden && style.display !== "none" && Number(style.opacity) > 0.05;
    });
    // The dock and the closed drawer do not overlap; a cell grid counts any overlap once.
    const step = 4;
    let covered = 0;
    const rects = covering.map((element) => element.getBoundingClientRect());
    for (let y = step / 2; y < height; y += step)
      for (let x = step / 2; x < width; x += step) if (rects.some((rect) => x >= rect.left && x < rect.right && y >= rect.top && y < rect.bottom)) covered++;
    const cells = Math.ceil(width / step) * Math.ceil(height / step);
    return 1 - covered / cells;
  });
}

function contrast(foreground, background) {
  const luminance = ([red, green, blue]) => {
    const channel = (value) => {
      const share = value / 255;
      return share <= 0.03928 ? share / 12.92 : ((share + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

describe("the room", () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`shows the scene on at least 85% of a ${viewport.width}x${viewport.height} window while playing, the dock fading when idle`, { timeout: 60_000 }, async () => {
      const { page, errors } = await openPlaying("drums=boom-bap&ambience=rain&quote=none&melody=none&bpm=90", viewport);
      await page.mouse.move(viewport.width / 2, viewport.height / 2);
      const share = await sceneShare(page);
      console.log(`e2e: scene share at ${viewport.width}x${viewport.height}, dock shown: ${(share * 100).toFixed(1)}%`);
      assert.ok(share >= 0.85, `the scene shows on ${(share * 100).toFixed(1)}% of the window`);
      // Left alone, the dock fades away; a touch of the mouse brings it back.
      await page.waitForFunction(() => Number(getComputedStyle(document.getElementById("dock")).opacity) < 0.05, null, { timeout: 8000 });
      assert.equal(await sceneShare(page), 1, "nothing covers the scene when idle");
      await page.mouse.move(10, 10);
      await page.waitForFunction(() => Number(getComputedStyle(document.getElementById("dock")).opacity) > 0.95, null, { timeout: 3000 });
      // Every control is one press away: the drawer opens, and Escape closes it.
      await page.click("#open-drawer");
      assert.equal(await page.getAttribute("#open-drawer", "aria-expanded"), "true");
      for (const id of ["drums", "ambience", "quote", "melody", "tempo", "chords", "mood", "temperature", "seed", "endless", "download-midi", "download-wav", "copy-link"])
        assert.ok(await page.isVisible(`#${id}`), `#${id} is in the open drawer`);
      await page.screenshot({ path: artifactPath(`drawer-${viewport.width}x${viewport.height}.png`) });
      await page.keyboard.press("Escape");
      assert.ok(await page.isHidden("#drawer"));
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it("draws the scene at about 30 frames a second without a GPU", { timeout: 60_000 }, async () => {
    const { page } = await openPlaying("drums=boom-bap&ambience=rain&quote=none&melody=none&bpm=90", { width: 1280, height: 800 });
    await page.waitForTimeout(2000);
    const start = await page.evaluate(() => ({ count: window.lofi.frames().count, at: performance.now() }));
    await page.waitForTimeout(5000);
    const end = await page.evaluate(() => ({ ...window.lofi.frames(), at: performance.now() }));
    const fps = ((end.count - start.count) * 1000) / (end.at - start.at);
    console.log(`e2e: scene at 1280x800 while playing: ${fps.toFixed(1)} frames/s over 5 s, detail ${end.detail.toFixed(2)}`);
    assert.ok(fps >= 15, `${fps.toFixed(1)} frames a second`);
    await page.close();
  });

  it("names its controls consistently and gives them room", { timeout: 60_000 }, async () => {
    const { page } = await openPlaying("drums=boom-bap&ambience=none&quote=none&melody=none", { width: 1280, height: 800 });
    // Play says what a press does and has no pressed state besides.
    assert.equal(await page.textContent("#play"), "Pause");
    assert.equal(await page.getAttribute("#play", "aria-pressed"), null);
    await page.click("#open-drawer");
    // A mute button keeps its name; its state is aria-pressed.
    await page.click("#mute-drums");
    assert.equal(await page.getAttribute("#mute-drums", "aria-pressed"), "true");
    assert.equal((await page.textContent("#mute-drums")).trim(), "Mute");
    assert.equal(await page.getAttribute("#mute-drums", "aria-label"), "Mute drums");
    await page.click("#mute-drums");
    assert.equal(await page.getAttribute("#mute-drums", "aria-pressed"), "false");
    // Targets of at least 24 by 24 px.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("#drawer input, #drawer select, #drawer button, #dock input, #dock button")]
        .filter((control) => control.offsetParent !== null)
        .map((control) => ({ id: control.id || control.textContent, rect: control.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width < 24 || rect.height < 24)
        .map(({ id, rect }) => `${id} ${rect.width.toFixed(0)}x${rect.height.toFixed(0)}`),
    );
    assert.deepEqual(small, [], "controls under 24 px");
    // The chord syntax is said in visible text of enough contrast, not only by the placeholder.
    const hint = await page.evaluate(() => {
      const element = document.getElementById("chords-hint");
      const parse = (color) => color.match(/[\d.]+/g).map(Number);
      return {
        visible: element.offsetParent !== null,
        text: element.textContent,
        described: document.getElementById("chords").getAttribute("aria-describedby"),
        color: parse(getComputedStyle(element).color),
        background: parse(getComputedStyle(document.getElementById("drawer")).backgroundColor),
      };
    });
    assert.ok(hint.visible && /Dm9/.test(hint.text));
    assert.equal(hint.described, "chords-hint");
    // The drawer's translucent background over white, the worst case for light text.
    const [red, green, blue, alpha = 1] = hint.background;
    const over = [red, green, blue].map((channel) => channel * alpha + 255 * (1 - alpha));
    const ratio = contrast(hint.color.slice(0, 3), over);
    console.log(`e2e: chord hint contrast ${ratio.toFixed(1)}:1`);
    assert.ok(ratio >= 4.5, `hint contrast ${ratio.toFixed(2)}:1`);
    await page.close();
  });
});
