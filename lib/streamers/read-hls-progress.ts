// How far a live's HLS playlist has got: media sequence + segments listed = the index after its last
// segment. It grows while the stream produces segments; null when the playlist cannot be read. A
// master playlist (the origin's rendition ladder) is followed to its first rendition.
export async function readHlsProgress(url: string, timeoutMs = 3_000): Promise<number | null> {
  try {
    let text = await readPlaylist(url, timeoutMs)
    const variant = text === null ? null : firstVariant(text)
    if (variant !== null) text = await readPlaylist(new URL(variant, url).toString(), timeoutMs)
    if (text === null) return null
    const sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? 0)
    const segments = text.split("\n").filter((line) => line.startsWith("#EXTINF")).length
    return sequence + segments
  } catch {
    return null
  }
}

async function readPlaylist(url: string, timeoutMs: number): Promise<string | null> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" })
  if (!response.ok) return null
  const text = await response.text()
  return text.startsWith("#EXTM3U") ? text : null
}

/** The URI after a master playlist's first #EXT-X-STREAM-INF, or null for a media playlist. */
function firstVariant(text: string): string | null {
  const lines = text.split(/\r?\n/)
  const at = lines.findIndex((line) => line.startsWith("#EXT-X-STREAM-INF"))
  if (at < 0) return null
  return lines.slice(at + 1).find((line) => line.trim() !== "" && !line.startsWith("#"))?.trim() ?? null
}
