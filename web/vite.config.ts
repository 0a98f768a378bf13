// The page is built into ../build/web, which `lofi serve` serves at `/`.
// The songs are read from the repository's data/songs, shared with the C++ side.
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  base: "/",
  build: {
    outDir: "../build/web",
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
