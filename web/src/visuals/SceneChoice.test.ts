import { describe, expect, it } from "vitest";
import { sceneKindFor } from "./SceneChoice";

describe("sceneKindFor", () => {
  it("gives each ambience its scene", () => {
    expect(["rain", "wind", "fireplace", "ocean-waves", "waves", "night", "crickets", "none", "vinyl"].map(sceneKindFor)).toEqual([
      "rain", "wind", "fire", "waves", "waves", "night", "night", "quiet", "quiet",
    ]);
  });
});
