// The renditions a player may report (the HLS ladder's names only) and how the samples' maps read back.
import { describe, expect, it } from "vitest"

import { liveRenditionBodySchema } from "@/lib/lives/schemas"

import { compareRenditions, parseRenditions, renditionsInUse } from "./audience-renditions"

describe("a player's rendition report", () => {
  it("accepts the ladder's names only: 720p, 360p, an input's own even height below 360, audio", () => {
    for (const rendition of ["720p", "360p", "240p", "358p", "90p", "audio"]) expect(liveRenditionBodySchema.safeParse({ rendition }).success, rendition).toBe(true)
    for (const rendition of ["1080p", "480p", "359p", "361p", "0p", "Audio", "360p ", "x".repeat(200), 360, null]) expect(liveRenditionBodySchema.safeParse({ rendition }).success, String(rendition)).toBe(false)
  })
})

describe("the samples' renditions", () => {
  it("reads a stored map back, or null for anything else", () => {
    expect(parseRenditions({ "360p": 2, audio: 0 })).toEqual({ "360p": 2, audio: 0 })
    for (const bad of [null, {}, { "360p": -1 }, { evil: 1 }, [1], "360p"]) expect(parseRenditions(bad)).toBeNull()
  })

  it("orders the ladder highest first, « Son seul » last, and finds the busiest sample with reports (the latest of equals)", () => {
    expect(["audio", "240p", "720p", "360p"].sort(compareRenditions)).toEqual(["720p", "360p", "240p", "audio"])
    const samples: { viewers: number; renditions: Record<string, number> | null }[] = [
      { viewers: 5, renditions: null },
      { viewers: 5, renditions: { "360p": 3 } },
      { viewers: 5, renditions: { "360p": 4, audio: 1 } },
      { viewers: 4, renditions: { "720p": 4 } },
    ]
    expect(renditionsInUse(samples)).toEqual({ renditions: ["720p", "360p", "audio"], renditionsAtPeak: samples[2] })
    expect(renditionsInUse([{ viewers: 3, renditions: null }])).toEqual({ renditions: [], renditionsAtPeak: null })
  })
})
