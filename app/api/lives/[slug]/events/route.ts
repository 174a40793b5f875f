// Server-sent events of one live page: its status (sent at once on connect, then on every change),
// its viewer count, and its chat messages. The same access rule as the page (findViewableLive:
// anonymous visitors of a restricted live get 401). Each open stream counts as one viewer.
import { findViewableLive } from "@/lib/lives/find-viewable-live"
import { onLiveEvent, type LiveEvent } from "@/lib/events/live-feed"
import { countLiveViewers, trackLiveViewer } from "@/lib/lives/track-live-viewer"

import { route } from "@/app/_lib/adapters"

export const dynamic = "force-dynamic"

const HEARTBEAT_MS = 25_000

/** `event: <type>` and the rest of the event as JSON data. */
function frame(event: LiveEvent): string {
  const { type, ...data } = event
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`
}

const encoder = new TextEncoder()
/**
 * One event reaches every open stream of this process as the same object (lib/events/live-feed.ts):
 * its bytes are built once, not once per viewer (2,000 viewers × 20 messages/s is 40,000 frames/s).
 */
const encoded = new WeakMap<LiveEvent, Uint8Array>()
function frameBytes(event: LiveEvent): Uint8Array {
  let bytes = encoded.get(event)
  if (!bytes) {
    bytes = encoder.encode(frame(event))
    encoded.set(event, bytes)
  }
  return bytes
}

export const GET = route<{ slug: string }>({ access: "public" }, async ({ request, params, user }) => {
  const live = await findViewableLive(params.slug, user)
  let cleanup = () => undefined as void
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false
      const send = (text: string | Uint8Array) => {
        if (closed) return
        try {
          controller.enqueue(typeof text === "string" ? encoder.encode(text) : text)
        } catch {
          cleanup()
        }
      }
      send("retry: 3000\n\n")
      send(frame({ type: "status", status: live.status }))
      const unsubscribe = onLiveEvent(live.liveId, (event) => send(frameBytes(event)))
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS)
      const viewer = trackLiveViewer(live.liveId)
        .then(async (v) => {
          const count = await countLiveViewers(live.liveId).catch(() => null)
          if (count !== null) send(frame({ type: "viewers", count }))
          return v
        })
        .catch(() => null)
      cleanup = () => {
        if (closed) return
        closed = true
        clearInterval(heartbeat)
        unsubscribe()
        void viewer.then((v) => v?.leave())
      }
      request.signal.addEventListener("abort", () => {
        cleanup()
        try {
          controller.close()
        } catch {
          // already closed
        }
      })
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  })
})
