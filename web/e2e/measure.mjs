// Measures what a listener waits for, on loopback with an empty cache: time
// from pressing play to the first sound on the master output, the bytes
// fetched before that sound, the size of the page's code, and how fast the mix
// renders to WAV. Prints a table and writes build/e2e-artifacts/speed.json.
// Usage: npm run bench (LOFI_BINARY=... as for the e2e tests) or npm run bench:fixtures
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadavg } from "node:os";
import { artifactPath, startBrowser, startServer, webRoot } from "./harness.mjs";

const RUNS = Number(process.env.RUNS ?? 5);

function codeSize() {
  let raw = 0;
  let gzip = 0;
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(name)) {
        const bytes = readFileSync(path);
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
    }
  };
  walk(webRoot);
  return { raw, gzip };
}

async function oneRun(base) {
  // A fresh profile each time: nothing cached.
  const browser = await startBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => window.lofi?.ready || window.lofi?.error, null, { timeout: 20_000 });
    await page.click("#play");
    await page.waitForFunction(() => window.lofi.firstSoundAt !== undefined, null, { timeout: 20_000, polling: 10 });
    return await page.evaluate(() => {
      const first = window.lofi.firstSoundAt;
      const pressed = window.lofi.playPressedAt;
      const size = (entry) => entry.transferSize || entry.encodedBodySize || 0;
      const navigation = performance.getEntriesByType("navigation")[0];
      const resources = performance.getEntriesByType("resource").filter((entry) => entry.responseEnd <= first);
      const afterPress = resources.filter((entry) => entry.startTime >= pressed);
      return {
        firstSoundMs: first - pressed,
        bytesBeforeSound: size(navigation) + resources.reduce((sum, entry) => sum + size(entry), 0),
        bytesAfterPress: afterPress.reduce((sum, entry) => sum + size(entry), 0),
        requestsBeforeSound: resources.length + 1,
        state: location.search,
      };
    });
  } finally {
    await browser.close();
  }
}

async function renderSpeed(base) {
  const browser = await startBrowser();
  try {
    const page = await browser.context.newPage();
    // Drums, rain, a quote and a song (the AI soloist would add only the wait for the server).
    await page.goto(`${base}/?drums=boom-bap&ambience=rain&melody=song:gymnopedie-1&bpm=80&seed=5`);
    await page.waitForFunction(() => window.lofi?.ready, null, { timeout: 20_000 });
    return await page.evaluate(() => window.lofi.renderWav(8));
  } finally {
    await browser.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer();
try {
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await oneRun(server.base));
  const render = await renderSpeed(server.base);
  const code = codeSize();
  const result = {
    server: server.kind,
    runs,
    firstSoundMs: { median: median(runs.map((run) => run.firstSoundMs)), min: Math.min(...runs.map((run) => run.firstSoundMs)), max: Math.max(...runs.map((run) => run.firstSoundMs)) },
    bytesBeforeSound: median(runs.map((run) => run.bytesBeforeSound)),
    bytesAfterPress: median(runs.map((run) => run.bytesAfterPress)),
    code,
    render: { audioSeconds: render.seconds, renderSeconds: render.renderMs / 1000, speed: render.seconds / (render.renderMs / 1000) },
    loadAverage: loadavg()[0],
  };
  writeFileSync(artifactPath("speed.json"), JSON.stringify(result, null, 2));
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`web player speed (${server.kind}, ${RUNS} runs with an empty cache, load average ${result.loadAverage.toFixed(1)})`);
  console.log(`| figure | value | target |`);
  console.log(`| --- | --- | --- |`);
  console.log(`| play -> first sound (median, min-max) | ${result.firstSoundMs.median.toFixed(0)} ms (${result.firstSoundMs.min.toFixed(0)}-${result.firstSoundMs.max.toFixed(0)}) | < 1000 ms |`);
  console.log(`| bytes before first sound (page + sounds) | ${kb(result.bytesBeforeSound)} | < 2048 KB |`);
  console.log(`| of which after pressing play | ${kb(result.bytesAfterPress)} | |`);
  console.log(`| page code (JS + CSS + HTML) | ${kb(code.raw)} raw, ${kb(code.gzip)} gzip | |`);
  console.log(`| mix to WAV, 8 bars (drums, rain, quote, a song) | ${result.render.audioSeconds.toFixed(1)} s of audio in ${result.render.renderSeconds.toFixed(2)} s (${result.render.speed.toFixed(1)}x real time) | > 1x |`);
} finally {
  await server.stop();
}
