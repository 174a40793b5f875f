import { describe, expect, it } from "vitest"

import { AUDIO_RETRY_MS, audioOnlyUrl, fragmentRate, hasQualityChoice, lowestVideoBitrate, mayRetryVideo, qualityOptions, tooSlowForVideo, readQualityChoice, resolveQualityChoice, saveQualityChoice, QUALITY_STORAGE_KEY } from "./player-quality"

/** The ladder of issue 21 as hls.js reports it: its levels (audio-only dropped) and the parsed master entries. */
const LEVELS = [
  { height: 360, width: 640, bitrate: 800_000, videoCodec: "avc1.4d401e" },
  { height: 720, width: 1280, bitrate: 2_500_000, videoCodec: "avc1.4d401f" },
]
const PARSED = [...LEVELS.map((l, i) => ({ ...l, url: `https://hls.example/live/k_${i}.m3u8` })), { bitrate: 64_000, audioCodec: "mp4a.40.2", url: "https://hls.example/live/k_audio.m3u8" }]

describe("the quality menu of the live player", () => {
  it("offers Auto, each video height highest first, then the audio-only rendition", () => {
    const options = qualityOptions(LEVELS, true)
    expect(options).toEqual([{ value: "auto" }, { value: "720p", level: 1 }, { value: "360p", level: 0 }, { value: "audio" }])
    expect(hasQualityChoice(options)).toBe(true)
  })

  it("lists a height once (its higher bitrate) and skips levels of unknown size", () => {
    const options = qualityOptions([{ height: 360, bitrate: 600_000 }, { height: 360, bitrate: 900_000 }, { height: 0, bitrate: 1 }, {}], false)
    expect(options).toEqual([{ value: "auto" }, { value: "360p", level: 1 }])
  })

  it("shows no menu for a single rendition (a plain media playlist, no ladder)", () => {
    expect(hasQualityChoice(qualityOptions([{ bitrate: 0 }], false))).toBe(false)
    expect(hasQualityChoice(qualityOptions([{ height: 720 }], false))).toBe(false)
    expect(hasQualityChoice(qualityOptions([{ height: 720 }], true))).toBe(true)
  })

  it("finds the audio-only rendition among the master playlist's entries, or none", () => {
    expect(audioOnlyUrl(PARSED)).toBe("https://hls.example/live/k_audio.m3u8")
    expect(audioOnlyUrl(PARSED.slice(0, 2))).toBeNull()
    // an entry with a resolution is a video rendition even without its codecs
    expect(audioOnlyUrl([{ height: 360, audioCodec: "mp4a.40.2", url: "x" }])).toBeNull()
  })

  it("applies a stored choice where this live has it, else Auto", () => {
    const options = qualityOptions(LEVELS, true)
    expect(resolveQualityChoice("360p", options)).toEqual({ value: "360p", level: 0 })
    expect(resolveQualityChoice("audio", options)).toEqual({ value: "audio" })
    expect(resolveQualityChoice("1080p", options)).toEqual({ value: "auto" })
    expect(resolveQualityChoice(null, options)).toEqual({ value: "auto" })
    expect(resolveQualityChoice("audio", qualityOptions(LEVELS, false))).toEqual({ value: "auto" })
  })

  it("remembers the choice per browser, and lives without storage when the browser refuses it", () => {
    const store = new Map<string, string>()
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) }
    expect(readQualityChoice(storage)).toBeNull()
    saveQualityChoice("360p", storage)
    expect(store.get(QUALITY_STORAGE_KEY)).toBe("360p")
    expect(readQualityChoice(storage)).toBe("360p")
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError")
      },
      setItem: () => {
        throw new Error("QuotaExceededError")
      },
    }
    expect(readQualityChoice(refusing)).toBeNull()
    expect(() => saveQualityChoice("audio", refusing)).not.toThrow()
    expect(readQualityChoice(undefined)).toBeNull()
  })

})

describe("Auto's last rung: « Son seul » on a connection too slow for any video rendition", () => {
  it("measures a fragment's rate, and compares it with the lowest video rendition", () => {
    expect(fragmentRate(100_000, 1_000)).toBe(800_000)
    expect(fragmentRate(0, 1_000)).toBeNull()
    expect(fragmentRate(100_000, 0)).toBeNull()
    expect(lowestVideoBitrate(LEVELS)).toBe(800_000)
    expect(lowestVideoBitrate([{ height: 360 }])).toBeNull()
    // 600 kb/s cannot carry the 800 kb/s rendition; 1 Mb/s can
    expect(tooSlowForVideo(fragmentRate(75_000, 1_000), 800_000)).toBe(true)
    expect(tooSlowForVideo(fragmentRate(125_000, 1_000), 800_000)).toBe(false)
    expect(tooSlowForVideo(null, 800_000)).toBe(false)
    expect(tooSlowForVideo(600_000, null)).toBe(false)
  })

  it("tries video again only after a while on « Son seul », with bandwidth well above the lowest rendition", () => {
    expect(mayRetryVideo(2_000_000, 800_000, AUDIO_RETRY_MS)).toBe(true)
    expect(mayRetryVideo(2_000_000, 800_000, AUDIO_RETRY_MS - 1)).toBe(false)
    expect(mayRetryVideo(1_000_000, 800_000, AUDIO_RETRY_MS)).toBe(false)
    expect(mayRetryVideo(2_000_000, null, AUDIO_RETRY_MS)).toBe(false)
  })
})
