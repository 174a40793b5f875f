// How far a live's HLS playlist has got: media sequence + segments listed = the index after its last
// segment. It grows while the stream produces segments; null when the playlist cannot be read.
export async function readHlsProgress(url: string, timeoutMs = 3_000): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" })
    if (!response.ok) return null
    const text = await response.text()
    if (!text.startsWith("#EXTM3U")) return null
    const sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? 0)
    const segments = text.split("\n").filter((line) => line.startsWith("#EXTINF")).length
    return sequence + segments
  } catch {
    return null
  }
}
