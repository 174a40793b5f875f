// A live page's slug as it appears in a path (percent-encoded), decoded; null when malformed (such a
// path names no live: the caller answers as for an unknown one).
export function decodeSlug(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}
