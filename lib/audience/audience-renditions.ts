// The renditions of a live's audience samples (issue 23: "renditions in use where the player reports
// it"): the stored map read back safely, the renditions reported during the live in the ladder's
// order (720p, 360p, a lower height, then « Son seul »), and those in use at the audience's peak.
import { z } from "zod"

import type { RenditionCounts } from "@/lib/lives/track-live-viewer"
import { LIVE_RENDITION_PATTERN } from "@/lib/lives/schemas"

const renditionCountsSchema = z.record(z.string().regex(LIVE_RENDITION_PATTERN), z.number().int().nonnegative())

/** A sample's renditions column (JSON), or null: absent, or not the map the sampler writes. */
export function parseRenditions(value: unknown): RenditionCounts | null {
  const parsed = renditionCountsSchema.safeParse(value)
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : null
}

/** Highest video first, « Son seul » (audio) last. */
export function compareRenditions(a: string, b: string): number {
  const height = (name: string) => (name === "audio" ? -1 : Number.parseInt(name, 10))
  return height(b) - height(a)
}

type WithRenditions = { viewers: number; renditions: RenditionCounts | null }

/**
 * Every rendition reported during the live, in the ladder's order, and the sample of the peak: the
 * most viewers among samples with reports, the latest of equals (its players had time to report).
 */
export function renditionsInUse<S extends WithRenditions>(samples: S[]): { renditions: string[]; renditionsAtPeak: S | null } {
  const names = new Set<string>()
  let peak: S | null = null
  for (const sample of samples) {
    if (!sample.renditions) continue
    for (const name of Object.keys(sample.renditions)) names.add(name)
    if (!peak || sample.viewers >= peak.viewers) peak = sample
  }
  return { renditions: [...names].sort(compareRenditions), renditionsAtPeak: peak }
}
