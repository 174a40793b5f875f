// Server-sent events telling open pages that meetings or lives changed (no data beyond the topic:
// the page re-reads what it may see). One Redis subscriber per server process fans out to streams.
// Anonymous visitors get the "lives" topic only (the public Directs list): a topic carries no data,
// and what the page re-reads is still filtered by its own access rules.
import { getCurrentUser } from "@/lib/auth/session"
import { onChange, type ChangeTopic } from "@/lib/events/change-feed"
import { sseFrame, sseResponse } from "@/lib/events/sse"

export const dynamic = "force-dynamic"

const ANONYMOUS_TOPICS: readonly ChangeTopic[] = ["lives"]

export async function GET(request: Request) {
  const user = await getCurrentUser()
  const url = new URL(request.url)
  const asked = url.searchParams.get("topics")?.split(",") ?? null
  if (!user && !(asked && asked.length > 0 && asked.every((t) => ANONYMOUS_TOPICS.includes(t as ChangeTopic)))) return new Response(null, { status: 401 })
  const wants = (topic: ChangeTopic) => (asked ? asked.includes(topic) : true)
  return sseResponse(request, (send) =>
    onChange((topic) => {
      if (wants(topic)) send(sseFrame("change", { topic }))
    }),
  )
}
