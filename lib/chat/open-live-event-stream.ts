// What a live page's event stream carries (domain flow 7): the live's status at once, then its events
// (status changes, viewer count, chat) as lib/events/live-frames.ts groups them; the stream counts as
// one viewer while it is open (each signed-in account or anonymous browser once, lib/lives/track-live-viewer.ts). A signed-in viewer's stream also starts with the outcomes of its own
// recent chat messages: a members' page (the same for every member, lib/security/shared-cache.ts)
// cannot carry them. `send` writes to the stream; the returned function ends it.
// With a guard, the stream closes itself (guard.end) when the viewer loses access: at once when the
// viewer's sessions end on any instance (deactivation, sign-out…: lib/events/sessions-ended-feed.ts),
// and at each heartbeat when guard.isStillAllowed() says no (account, session and the live's rule
// read again: a live turned restricted, an account deactivated whose notice was lost).
// It sits in lib/chat, not lib/lives, because it joins a live's status with its chat: chat depends on
// lives, never the reverse (docs/architecture.md).
import { liveEventFrame, onLiveFrames } from "@/lib/events/live-frames"
import { onSessionsEnded } from "@/lib/events/sessions-ended-feed"
import { HEARTBEAT_MS, type SseSend } from "@/lib/events/sse"
import type { ViewableLive } from "@/lib/lives/find-viewable-live"
import { countLiveViewers, trackLiveViewer } from "@/lib/lives/track-live-viewer"
import { logger } from "@/lib/logger"

import { listChatMessages } from "./list-chat-messages"

export type LiveStreamGuard = {
  /** Closes the stream from the server's side. */
  end: () => void
  /** Asked at each heartbeat; false closes the stream. An error (database down) keeps it open. */
  isStillAllowed: () => Promise<boolean>
  /** How often to ask (default: the stream's heartbeat). */
  everyMs?: number
}

export function openLiveEventStream(
  live: Pick<ViewableLive, "liveId" | "status" | "enableChat">,
  send: SseSend,
  viewer: { id: number } | null,
  guard?: LiveStreamGuard,
  /** An anonymous viewer's browser (its cookie id): its tabs count as one viewer. */
  browserId?: string,
): () => void {
  send(liveEventFrame({ type: "status", status: live.status }))
  const unsubscribe = onLiveFrames(live.liveId, send)
  if (viewer && live.enableChat) void sendOwnOutcomes(live.liveId, viewer.id, send)
  const presence = trackLiveViewer(live.liveId, viewer ? { userId: viewer.id } : browserId ? { browserId } : undefined)
    .then(async (v) => {
      const count = await countLiveViewers(live.liveId).catch(() => null)
      if (count !== null) send(liveEventFrame({ type: "viewers", count }))
      return v
    })
    .catch(() => null)
  const unwatch = guard ? watchAccess(live.liveId, viewer, guard) : () => undefined
  return () => {
    unwatch()
    unsubscribe()
    void presence.then((v) => v?.leave())
  }
}

function watchAccess(liveId: number, viewer: { id: number } | null, guard: LiveStreamGuard): () => void {
  const unlisten = viewer ? onSessionsEnded(viewer.id, guard.end) : () => undefined
  let checking = false
  const timer = setInterval(() => {
    if (checking) return
    checking = true
    guard
      .isStillAllowed()
      .then((allowed) => {
        if (!allowed) guard.end()
      })
      .catch((error: unknown) => logger.warn({ err: error, liveId }, "live stream access not re-checked; kept open"))
      .finally(() => {
        checking = false
      })
  }, guard.everyMs ?? HEARTBEAT_MS)
  timer.unref?.()
  return () => {
    clearInterval(timer)
    unlisten()
  }
}

async function sendOwnOutcomes(liveId: number, viewerId: number, send: SseSend): Promise<void> {
  try {
    const outcomes = (await listChatMessages({ liveId, viewerId }))
      .flatMap((m) => (m.outcome ? [{ id: m.id, outcome: m.outcome }] : []))
    if (outcomes.length > 0) send(liveEventFrame({ type: "outcomes", outcomes }))
  } catch (error) {
    // The page still works; only the badges of this viewer's past messages are missing.
    logger.warn({ err: error, liveId }, "own chat outcomes not sent")
  }
}
