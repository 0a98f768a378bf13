// The songs of data/songs, bundled by Vite: titles up front (a few bytes), and
// each song's notes in its own chunk, fetched only when that song is chosen.
import { parseSong, type Song } from "./Song";

export interface SongEntry {
  id: string;
  title: string;
}

const titles = import.meta.glob<string>("../../../data/songs/*.json", { eager: true, import: "title" });
const loaders = import.meta.glob<unknown>("../../../data/songs/*.json", { import: "default" });

function idOf(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.json$/, "");
}

export class SongLibrary {
  private readonly cache = new Map<string, Promise<Song>>();

  list(): SongEntry[] {
    return Object.entries(titles)
      .map(([path, title]) => ({ id: idOf(path), title }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  load(id: string): Promise<Song> {
    let song = this.cache.get(id);
    if (!song) {
      const path = Object.keys(loaders).find((candidate) => idOf(candidate) === id);
      if (!path) return Promise.reject(new Error(`song '${id}' is not in data/songs`));
      song = loaders[path]!().then((json) => parseSong(json, `data/songs/${id}.json`));
      this.cache.set(id, song);
    }
    return song;
  }
}
