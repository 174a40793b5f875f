// The bytes a live page's event stream receives, built once per process and grouped in time.
//
// A lecture's chat is the expensive part of a live page: 2,000 viewers and 20 messages/s are 40,000
// frames/s, and each write to a stream has a fixed cost (web stream plumbing, one socket write, the
// garbage it leaves) far above the cost of its bytes. So the events of a live are grouped: the first
// event after a quiet spell leaves at once, those that follow within LIVE_EVENT_BATCH_MS go out
// together when it has passed — at most one write per viewer per interval (100 ms: ten per second),
// whatever the message rate, and no added delay for a quiet chat. The bytes of a group are encoded once and handed to every
// stream of the process.
import { getEnv } from "@/lib/config/env"

import { onLiveEvent, type LiveEvent } from "./live-feed"
import { sseFrame } from "./sse"

export type LiveFrameListener = (bytes: Uint8Array) => void

type Batch = {
  listeners: Set<LiveFrameListener>
  pending: string[]
  timer: NodeJS.Timeout | null
  lastFlush: number
  unsubscribe: () => void
}

const encoder = new TextEncoder()
const globalFrames = globalThis as unknown as { liveFrames?: Map<number, Batch> }
const batches = (globalFrames.liveFrames ??= new Map())

/** An event as a live page reads it: `event: <type>`, the rest of the event as JSON data. */
export function liveEventFrame(event: LiveEvent): string {
  const { type, ...data } = event
  return sseFrame(type, data)
}

function flush(batch: Batch): void {
  batch.timer = null
  if (batch.pending.length === 0) return
  const bytes = encoder.encode(batch.pending.join(""))
  batch.pending = []
  batch.lastFlush = Date.now()
  for (const listener of batch.listeners) listener(bytes)
}

function onEvent(batch: Batch, event: LiveEvent): void {
  batch.pending.push(liveEventFrame(event))
  if (batch.timer) return
  const wait = batch.lastFlush + getEnv().LIVE_EVENT_BATCH_MS - Date.now()
  if (wait <= 0) flush(batch)
  else batch.timer = setTimeout(() => flush(batch), wait)
}

/** Calls `listener` with the frames of live `liveId`'s events (see above); returns the unsubscribe function. */
export function onLiveFrames(liveId: number, listener: LiveFrameListener): () => void {
  let batch = batches.get(liveId)
  if (!batch) {
    const created: Batch = { listeners: new Set(), pending: [], timer: null, lastFlush: 0, unsubscribe: () => undefined }
    created.unsubscribe = onLiveEvent(liveId, (event) => onEvent(created, event))
    batches.set(liveId, created)
    batch = created
  }
  const own = batch
  own.listeners.add(listener)
  return () => {
    own.listeners.delete(listener)
    if (own.listeners.size > 0) return
    if (own.timer) clearTimeout(own.timer)
    own.unsubscribe()
    if (batches.get(liveId) === own) batches.delete(liveId)
  }
}
