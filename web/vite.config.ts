// The page is built into ../build/web, which `lofi serve` serves at `/`.
// The songs are read from the repository's data/songs, shared with the C++ side.
import { defineConfig, type Plugin } from "vitest/config";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const songsFolder = fileURLToPath(new URL("../data/songs/", import.meta.url));

/** `virtual:song-titles`: the id and title of each song, so the list costs bytes, not the notes. */
function songTitles(): Plugin {
  const id = "virtual:song-titles";
  return {
    name: "song-titles",
    resolveId: (source) => (source === id ? "\0" + id : undefined),
    load(resolved) {
      if (resolved !== "\0" + id) return undefined;
      const songs = readdirSync(songsFolder)
        .filter((name) => name.endsWith(".json"))
        .map((name) => {
          this.addWatchFile(songsFolder + name);
          const song = JSON.parse(readFileSync(songsFolder + name, "utf8")) as { title?: unknown };
          return { id: name.replace(/\.json$/, ""), title: typeof song.title === "string" ? song.title : name };
        });
      return `export default ${JSON.stringify(songs)};`;
    },
  };
}

export default defineConfig({
  base: "/",
  plugins: [songTitles()],
  build: {
    // `make web` passes its build folder; by hand it is the repository's build/web.
    outDir: process.env.LOFI_WEB_OUT ?? "../build/web",
    // Not "assets": `lofi serve` serves the sound assets at /assets/.
    assetsDir: "static",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: { fs: { allow: [repoRoot] } },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
