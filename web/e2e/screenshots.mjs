// Screenshots of every ambience's scene at a desktop and a phone size, while
// playing, into docs/screenshots/ (PNG). Run by hand after a build:
//   LOFI_BINARY=build/lofi node e2e/screenshots.mjs   (LOFI_BUILD_DIR as for npm run e2e)
// HOUR=13 shows the scenes by day (default 21: evening, the lamp lit).
// Starts `lofi serve` and Chromium as the browser suite does (e2e/harness.mjs).
// The PNGs in docs/ were then reduced to 64 colours, without dithering (the
// scenes are flat shapes and soft gradients):
//   for f in docs/screenshots/*.png; do pngquant 64 --nofs --strip --force --output "$f" "$f"; done
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, startBrowser, startServer } from "./harness.mjs";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const HOUR = Number(process.env.HOUR ?? 21);
const out = process.env.SCREENSHOTS ?? join(repoRoot, "docs", "screenshots");
const suffix = process.env.HOUR ? `-${HOUR}h` : "";

const server = await startServer();
const browser = await startBrowser();
try {
  mkdirSync(out, { recursive: true });
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/?drums=none&ambience=none&quote=none&melody=none`);
  await page.waitForFunction(() => window.lofi?.ready);
  const ambiences = await page.evaluate(() => [...document.querySelectorAll("#ambience option")].map((option) => option.value).filter((value) => value !== "none"));
  await page.close();
  for (const ambience of ambiences) {
    for (const size of SIZES) {
      const shot = await browser.context.newPage();
      await shot.setViewportSize(size);
      await shot.goto(`${server.base}/?drums=boom-bap&ambience=${ambience}&quote=none&melody=none&seed=7`);
      await shot.waitForFunction(() => window.lofi?.ready);
      await shot.evaluate((hour) => window.lofi.setHour(hour), HOUR);
      await shot.click("#play");
      await shot.waitForFunction(() => window.lofi.drumHits > 4, null, { timeout: 20_000 });
      // Let the crossfade end and the controls settle, as a listener sees it after a moment.
      await shot.waitForTimeout(Number(process.env.SETTLE_MS ?? 2500));
      // A touch of the mouse: the dock shows, as it does whenever the listener moves.
      await shot.mouse.move(size.width / 2, size.height / 3);
      await shot.waitForTimeout(900);
      const scene = await shot.evaluate(() => window.lofi.scene());
      const path = join(out, `${scene}-${size.width}x${size.height}${suffix}.png`);
      await shot.screenshot({ path });
      console.log(path);
      await shot.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
