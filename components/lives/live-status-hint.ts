// A status frame on a live's event stream is a hint, never the truth (issue 20: a frame from another
// installation sharing the Redis switched an on-air page to "ended"). A frame that would end the live
// for a page that believes it is not over is confirmed with the server first (one request); every
// other frame is taken as it comes (it does not hide the video).
import { LIVE_STATUSES, type LiveStatus } from "@/lib/lives/live-statuses"
import type { LiveStatusAnswer } from "@/lib/lives/schemas"

/** The statuses a live page shows as « Ce direct est terminé ». */
export const ENDED_STATUSES: readonly LiveStatus[] = ["STOPPING", "STOPPED", "FAILED"]

export function isEndedStatus(status: LiveStatus): boolean {
  return ENDED_STATUSES.includes(status)
}

/** Whether a frame saying `frame` must be confirmed before a page showing `current` believes it. */
export function needsConfirmation(current: LiveStatus, frame: LiveStatus): boolean {
  return isEndedStatus(frame) && !isEndedStatus(current)
}

/**
 * The status a page should show after a frame: the frame itself, or — when it would end the live —
 * what the server says. The server unreachable: the page keeps what it shows (the stream sends the
 * status again when it reconnects, and that frame is checked the same way).
 */
export async function resolveStatusFrame(options: { current: LiveStatus; frame: LiveStatus; confirm: () => Promise<LiveStatus> }): Promise<LiveStatus> {
  if (!needsConfirmation(options.current, options.frame)) return options.frame
  try {
    return await options.confirm()
  } catch {
    return options.current
  }
}

/** Asks the server for the live's status (GET /api/lives/<slug>/status). */
export async function fetchLiveStatus(slug: string): Promise<LiveStatus> {
  const response = await fetch(`/api/lives/${encodeURIComponent(slug)}/status`, { cache: "no-store", credentials: "same-origin" })
  if (!response.ok) throw new Error(`status ${response.status}`)
  // Checked by hand, not with liveStatusAnswerSchema: zod's object parser probes `new Function` on
  // first use, which the page's CSP (no eval) reports as a violation.
  const { status } = (await response.json()) as Partial<LiveStatusAnswer>
  if (!status || !LIVE_STATUSES.includes(status)) throw new Error("unexpected status answer")
  return status
}
