// What a live page's event stream carries (domain flow 7): the live's status at once, then its events
// (status changes, viewer count, chat) as lib/events/live-frames.ts groups them; the stream counts as
// one viewer while it is open. `send` writes to the stream; the returned function ends it.
import { liveEventFrame, onLiveFrames } from "@/lib/events/live-frames"
import type { SseSend } from "@/lib/events/sse"

import type { ViewableLive } from "./find-viewable-live"
import { countLiveViewers, trackLiveViewer } from "./track-live-viewer"

export function openLiveEventStream(live: Pick<ViewableLive, "liveId" | "status">, send: SseSend): () => void {
  send(liveEventFrame({ type: "status", status: live.status }))
  const unsubscribe = onLiveFrames(live.liveId, send)
  const viewer = trackLiveViewer(live.liveId)
    .then(async (v) => {
      const count = await countLiveViewers(live.liveId).catch(() => null)
      if (count !== null) send(liveEventFrame({ type: "viewers", count }))
      return v
    })
    .catch(() => null)
  return () => {
    unsubscribe()
    void viewer.then((v) => v?.leave())
  }
}
