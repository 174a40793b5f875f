// Server-sent events telling open pages that meetings or lives changed (no data beyond the topic:
// the page re-reads what it may see). One Redis subscriber per server process fans out to streams.
import { getCurrentUser } from "@/lib/auth/session"
import { onChange } from "@/lib/events/change-feed"

export const dynamic = "force-dynamic"

export async function GET(request: Request) {
  if (!(await getCurrentUser())) return new Response(null, { status: 401 })
  const encoder = new TextEncoder()
  let cleanup = () => undefined as void
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          cleanup()
        }
      }
      send("retry: 3000\n\n")
      const unsubscribe = onChange((topic) => send(`event: change\ndata: ${JSON.stringify({ topic })}\n\n`))
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), 25_000)
      cleanup = () => {
        clearInterval(heartbeat)
        unsubscribe()
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
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" },
  })
}
