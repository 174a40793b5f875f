// A live page's slug as it appears in a path (percent-encoded), decoded; null when malformed (such a
// path names no live: the caller answers as for an unknown one).
export function decodeSlug(raw: string): string | null {
  try {
    const slug = decodeURIComponent(raw)
    return isLookupSlug(slug) ? slug : null
  } catch {
    return null
  }
}

/** Longest slug looked up (the admin form's are far shorter); a longer one names no live. */
const MAX_SLUG_LENGTH = 200

/**
 * Could this string name a live page? Control characters (a `%00` in the path: PostgreSQL refuses
 * NUL in text and would answer an error, not "no such row") and absurd lengths never do, so they are
 * answered "not found" without asking the database.
 */
export function isLookupSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && !/[\u0000-\u001f\u007f]/.test(slug)
}
