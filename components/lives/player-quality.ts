// The live player's quality menu (issue 21): the choices come from the renditions hls.js reports
// (its levels, labelled by their height) plus « Son seul » when the master playlist lists an
// audio-only rendition (hls.js drops those from its levels when video ones exist, so the player plays
// that rendition's own playlist instead). The viewer's choice is kept per browser (localStorage), by
// label rather than level index: another live's ladder may list its renditions in another order.

/** "auto" (hls.js picks by measured bandwidth), a video height ("720p"), or the audio-only rendition. */
export type QualityChoice = "auto" | "audio" | `${number}p`

export type QualityOption = {
  value: QualityChoice
  /** The hls.js level index to play, for a video rendition. */
  level?: number
}

/** What the menu needs of an hls.js level (Level). */
export type ReportedLevel = { height?: number; bitrate?: number }

/** What the player needs of a master playlist's entry as hls.js parsed it (LevelParsed). */
export type ParsedVariant = { height?: number; width?: number; videoCodec?: string; audioCodec?: string; url?: string }

export const QUALITY_STORAGE_KEY = "bbb-pod-live.quality"

/**
 * The menu's choices: Auto, each video height once (highest first; the higher bitrate when two
 * renditions share a height), then « Son seul » when an audio-only rendition exists. Levels with no
 * known height (a single media playlist, no master) give no choice: a menu then only shows Auto.
 */
export function qualityOptions(levels: readonly ReportedLevel[], hasAudioOnly: boolean): QualityOption[] {
  const byHeight = new Map<number, { level: number; bitrate: number }>()
  levels.forEach((level, index) => {
    const height = level.height ?? 0
    if (height <= 0) return
    const known = byHeight.get(height)
    if (!known || (level.bitrate ?? 0) > known.bitrate) byHeight.set(height, { level: index, bitrate: level.bitrate ?? 0 })
  })
  const video = [...byHeight.entries()].sort(([a], [b]) => b - a).map(([height, { level }]): QualityOption => ({ value: `${height}p`, level }))
  return [{ value: "auto" }, ...video, ...(hasAudioOnly ? [{ value: "audio" } as const] : [])]
}

/** Whether the menu is worth showing: at least two renditions to choose between. */
export function hasQualityChoice(options: readonly QualityOption[]): boolean {
  return options.filter((o) => o.value !== "auto").length >= 2
}

/**
 * The audio-only rendition of a master playlist, from the entries hls.js parsed (MANIFEST_LOADED's
 * `levels`, before it filters them): an audio codec, no video codec, no resolution.
 */
export function audioOnlyUrl(parsed: readonly ParsedVariant[]): string | null {
  const audio = parsed.find((l) => !!l.audioCodec && !l.videoCodec && !l.height && !l.width && !!l.url)
  return audio?.url ?? null
}

/** The option a stored choice stands for here, or Auto when this live has no such rendition. */
export function resolveQualityChoice(stored: string | null, options: readonly QualityOption[]): QualityOption {
  return options.find((o) => o.value === stored) ?? options[0] ?? { value: "auto" }
}

/** The stored choice, or null (none yet, or storage refused: a private window, a blocked site). */
export function readQualityChoice(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): string | null {
  try {
    return storage?.getItem(QUALITY_STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

export function saveQualityChoice(choice: QualityChoice, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(QUALITY_STORAGE_KEY, choice)
  } catch {
    // Storage refused: the choice holds for this page only.
  }
}


/**
 * Auto's last rung. hls.js's ABR only chooses among video renditions; a connection too slow for the
 * lowest of them (a phone on poor mobile data) would stall for ever. When this many fragments in a row
 * came slower than that rendition's bitrate, Auto plays « Son seul »; it tries video again after
 * AUDIO_RETRY_MS if the bandwidth then measured is well above that bitrate.
 */
export const SLOW_FRAGMENTS_FOR_AUDIO = 2
export const AUDIO_RETRY_MS = 60_000
const RETRY_MARGIN = 2

/** Bits per second a fragment came at (its bytes over its download time), or null when unknown. */
export function fragmentRate(bytes: number, ms: number): number | null {
  return bytes > 0 && ms > 0 ? (bytes * 8 * 1000) / ms : null
}

/** The bitrate of the ladder's lowest video rendition (hls.js levels), or null. */
export function lowestVideoBitrate(levels: readonly ReportedLevel[]): number | null {
  const rates = levels.map((l) => l.bitrate ?? 0).filter((b) => b > 0)
  return rates.length ? Math.min(...rates) : null
}

/** Whether a fragment came too slowly for even the lowest video rendition. */
export function tooSlowForVideo(rate: number | null, lowest: number | null): boolean {
  return rate !== null && lowest !== null && rate < lowest
}

/** Whether Auto, on « Son seul » for `sinceMs`, may try video again with this bandwidth estimate (bits/s). */
export function mayRetryVideo(estimate: number, lowest: number | null, sinceMs: number): boolean {
  return lowest !== null && sinceMs >= AUDIO_RETRY_MS && estimate >= lowest * RETRY_MARGIN
}
