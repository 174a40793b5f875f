// Server-sent event streams (text/event-stream) of the app's pages: the frame format, and the stream
// itself (retry hint, heartbeat, clean-up when the browser goes away) as a web Response for Next.js
// route handlers, or written straight to a Node.js response (server.ts serves the live pages' streams,
// the busiest, that way).
import type { ServerResponse } from "node:http"

const encoder = new TextEncoder()

/** `event: <type>` and `data` as JSON, as EventSource reads it. */
export function sseFrame(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`
}

/** How long a browser waits before reconnecting, and the comment that keeps proxies from closing an idle stream. */
const RETRY_MS = 3_000
export const HEARTBEAT_MS = 25_000

/** Writes to the stream; after the browser left, a no-op. */
export type SseSend = (chunk: string | Uint8Array) => void

/**
 * Starts a stream's frames: `send` writes, `end` closes the stream from the server's side (the
 * viewer lost access); returns what to undo when the stream ends, whoever ended it.
 */
export type SseOpen = (send: SseSend, end: () => void) => () => void

const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-store, no-transform",
  Connection: "keep-alive",
  // nginx (deploy/nginx) and other proxies: pass each frame on at once.
  "X-Accel-Buffering": "no",
}

/**
 * The life of one stream, whatever carries it: the retry hint, `open`'s frames, the heartbeat, and
 * the clean-up run once (the browser left, the server closed it, or `write` gave up and called
 * `stop`). `write` puts a chunk on the wire; `finish` ends the transport when `open` ends the stream
 * itself. Returns `stop`.
 */
function runSseStream(write: (chunk: string | Uint8Array, stop: () => void) => void, open: SseOpen, finish: () => void): () => void {
  let closed = false
  let close = () => undefined as void
  const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS)
  const stop = () => {
    if (closed) return
    closed = true
    clearInterval(heartbeat)
    close()
  }
  const send: SseSend = (chunk) => {
    if (!closed) write(chunk, stop)
  }
  const end = () => {
    if (closed) return
    stop()
    finish()
  }
  send(`retry: ${RETRY_MS}\n\n`)
  close = open(send, end)
  if (closed) close()
  return stop
}

/**
 * A streaming Response: `open` starts sending and returns what to undo when the stream ends (the
 * browser left, or the server closed it). Strings are encoded here; a Uint8Array is sent as is, so
 * bytes shared by every stream of the process are built once.
 */
export function sseResponse(request: Request, open: SseOpen): Response {
  let stop = () => undefined as void
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const closeController = () => {
        try {
          controller.close()
        } catch {
          // already closed
        }
      }
      stop = runSseStream(
        (chunk, stopStream) => {
          try {
            controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk)
          } catch {
            stopStream()
          }
        },
        open,
        closeController,
      )
      request.signal.addEventListener("abort", () => {
        stop()
        try {
          controller.close()
        } catch {
          // already closed
        }
      })
    },
    cancel() {
      stop()
    },
  })
  return new Response(stream, { headers: SSE_HEADERS })
}

/**
 * A viewer that does not read its stream (a stalled connection) is dropped once this much is queued
 * for it, rather than held in memory; its browser reconnects by itself (EventSource) when it can.
 */
const MAX_QUEUED_BYTES = 1024 * 1024

/**
 * The same stream written to a Node.js response: one socket write per chunk, none of the web stream
 * machinery (at 2,000 viewers of a busy chat, the difference is most of a core). The response's
 * "close" (the connection ended, whoever ended it) stops the stream.
 */
export function writeSseStream(response: ServerResponse, open: SseOpen, headers: Record<string, string> = {}): void {
  response.writeHead(200, { ...headers, ...SSE_HEADERS })
  response.socket?.setNoDelay(true)
  const stop = runSseStream(
    (chunk, stopStream) => {
      if (response.writableLength > MAX_QUEUED_BYTES) {
        stopStream()
        response.destroy()
        return
      }
      response.write(chunk)
    },
    open,
    () => response.end(),
  )
  response.on("close", stop)
}
