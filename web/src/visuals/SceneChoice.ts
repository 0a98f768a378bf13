// Which scene goes with which ambience, by the words in its name.
export type SceneKind = "rain" | "wind" | "fire" | "waves" | "night" | "quiet";

const WORDS: Array<[RegExp, SceneKind]> = [
  [/rain|storm|drizzle/i, "rain"],
  [/wind|breeze|leaves|grass|forest/i, "wind"],
  [/fire|hearth|camp/i, "fire"],
  [/wave|ocean|sea|beach|shore/i, "waves"],
  [/night|cricket|crickets|owl/i, "night"],
];

export function sceneKindFor(ambienceName: string): SceneKind {
  return WORDS.find(([pattern]) => pattern.test(ambienceName))?.[1] ?? "quiet";
}
