import { describe, expect, it } from "vitest"

import { broadcasterDisplayName, broadcasterName } from "./create-live-broadcaster"

describe("a live broadcaster's name", () => {
  it("is marked [BBB] for Pod, and shown without the mark to viewers (the session's name)", () => {
    expect(broadcasterName("Amphi 3 — Chimie")).toBe("[BBB] Amphi 3 — Chimie")
    expect(broadcasterDisplayName(broadcasterName("Amphi 3 — Chimie"))).toBe("Amphi 3 — Chimie")
  })

  it("keeps any other name as it is, and never shows an empty title", () => {
    expect(broadcasterDisplayName("Amphi Pasteur")).toBe("Amphi Pasteur")
    expect(broadcasterDisplayName("Cours [BBB] du lundi")).toBe("Cours [BBB] du lundi")
    expect(broadcasterDisplayName("[BBB] ")).toBe("[BBB] ")
  })
})
