// What a live page's event stream carries (domain flow 7): the live's status at once, then its events
// (status changes, viewer count, chat) as lib/events/live-frames.ts groups them; the stream counts as
// one viewer while it is open. A signed-in viewer's stream also starts with the outcomes of its own
// recent chat messages: a members' page (the same for every member, lib/security/shared-cache.ts)
// cannot carry them. `send` writes to the stream; the returned function ends it.
import { listChatMessages } from "@/lib/chat/list-chat-messages"
import { liveEventFrame, onLiveFrames } from "@/lib/events/live-frames"
import { logger } from "@/lib/logger"
import type { SseSend } from "@/lib/events/sse"

import type { ViewableLive } from "./find-viewable-live"
import { countLiveViewers, trackLiveViewer } from "./track-live-viewer"

export function openLiveEventStream(live: Pick<ViewableLive, "liveId" | "status" | "enableChat">, send: SseSend, viewer: { id: number } | null): () => void {
  send(liveEventFrame({ type: "status", status: live.status }))
  const unsubscribe = onLiveFrames(live.liveId, send)
  if (viewer && live.enableChat) void sendOwnOutcomes(live.liveId, viewer.id, send)
  const presence = trackLiveViewer(live.liveId)
    .then(async (v) => {
      const count = await countLiveViewers(live.liveId).catch(() => null)
      if (count !== null) send(liveEventFrame({ type: "viewers", count }))
      return v
    })
    .catch(() => null)
  return () => {
    unsubscribe()
    void presence.then((v) => v?.leave())
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
