// Server-sent events telling open pages that meetings or lives changed (no data beyond the topic:
// the page re-reads what it may see). One Redis subscriber per server process fans out to streams.
// Who may follow which topic: lib/events/followable-change-topics.ts.
import { onChange } from "@/lib/events/change-feed"
import { followableChangeTopics } from "@/lib/events/followable-change-topics"
import { sseFrame, sseResponse } from "@/lib/events/sse"

import { route } from "@/app/_lib/adapters"

export const dynamic = "force-dynamic"

export const GET = route({ access: "public" }, async ({ request, user }) => {
  const topics = followableChangeTopics(user, new URL(request.url).searchParams.get("topics")?.split(",") ?? null)
  if (!topics) return new Response(null, { status: 401 })
  return sseResponse(request, (send) =>
    onChange((topic) => {
      if (topics.includes(topic)) send(sseFrame("change", { topic }))
    }),
  )
})
