// Starts what the end-to-end tests need: a server (the real `lofi serve` from
// LOFI_BINARY, or with --fixtures / LOFI_E2E_FIXTURES=1 the development
// stand-in) on a free loopback port, and Debian's Chromium through playwright-core.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../..");
export const buildRoot = resolve(process.env.LOFI_BUILD_DIR ?? join(repoRoot, "build"));
export const webRoot = resolve(process.env.LOFI_WEB_ROOT ?? join(buildRoot, "web"));
export const artifacts = resolve(process.env.LOFI_E2E_ARTIFACTS ?? join(buildRoot, "e2e-artifacts"));

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--autoplay-policy=no-user-gesture-required",
];

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function waitForHealth(base, child, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering /api/health`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${base}/api/health did not answer within ${seconds} s`);
}

export function useFixtures() {
  return process.env.LOFI_E2E_FIXTURES === "1" || process.argv.includes("--fixtures");
}

/** Starts the server; returns its base URL and a stop function. */
export async function startServer() {
  if (!existsSync(join(webRoot, "index.html"))) throw new Error(`${webRoot}/index.html is missing: run \`npm run build\` (or \`make web\`) first`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  if (useFixtures()) {
    const assets = join(buildRoot, "e2e-assets");
    const { makeAssets } = await import("./fixtures/makeAssets.mjs");
    makeAssets(assets);
    const { startFixtureServer } = await import("./fixtures/fixtureServer.mjs");
    const server = await startFixtureServer({ port, web: webRoot, assets });
    await waitForHealth(base, null);
    return { base, kind: "fixtures", stop: () => new Promise((done) => server.close(done)) };
  }
  const binary = process.env.LOFI_BINARY;
  if (!binary || !existsSync(binary)) throw new Error("LOFI_BINARY must name the lofi program (or pass --fixtures for the development stand-in)");
  const assets = resolve(process.env.LOFI_ASSETS ?? join(buildRoot, "assets"));
  if (!existsSync(join(assets, "manifest.json"))) {
    console.log(`e2e: writing the assets with ${binary} assets --out ${assets}`);
    const made = spawnSync(binary, ["assets", "--out", assets], { stdio: "inherit" });
    if (made.status !== 0) throw new Error(`${binary} assets failed with code ${made.status}`);
  }
  const child = spawn(binary, ["serve", "--host", "127.0.0.1", "--port", String(port), "--web", webRoot, "--assets", assets], { stdio: ["ignore", "inherit", "inherit"] });
  await waitForHealth(base, child);
  return {
    base,
    kind: "lofi serve",
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}

/** Debian's Chromium with a fresh profile; returns the browser context and a close function. */
export async function startBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "lofi-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    // The profile folder is passed to Chromium as --user-data-dir by playwright-core.
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ["--mute-audio"],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function artifactPath(name) {
  mkdirSync(artifacts, { recursive: true });
  return join(artifacts, name);
}
