// The songs of data/songs, bundled by Vite: titles up front (a few bytes), and
// each song's notes in its own chunk, fetched only when that song is chosen.
import songTitles from "virtual:song-titles";
import { parseSong, type Song } from "./Song";

export interface SongEntry {
  id: string;
  title: string;
}

const loaders = import.meta.glob<unknown>("../../../data/songs/*.json", { import: "default" });

function idOf(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.json$/, "");
}

export class SongLibrary {
  private readonly cache = new Map<string, Promise<Song>>();

  list(): SongEntry[] {
    return [...songTitles]
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
