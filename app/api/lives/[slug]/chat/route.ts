// POST a chat message from a live page into the BBB room: same-origin only (route() refuses cross-site
// writes), body { body, isQuestion? }; the answer is the stored message and the relay's outcome, or the error code
// (401 anonymous or restricted, 403 chat off, closed or viewer muted, 409 live not on air, 422 empty/too long,
// 429 flooding or slow mode).
import { route } from "@/app/_lib/adapters"
import { chatPostBodySchema } from "@/lib/chat/schemas"
import { sendChatMessage } from "@/lib/chat/send-chat-message"

export const dynamic = "force-dynamic"

export const POST = route<{ slug: string }>({ access: "public" }, async ({ request, params, user }) => {
  const { body, isQuestion } = chatPostBodySchema.parse(await request.json().catch(() => null))
  return sendChatMessage({ slug: params.slug, body, isQuestion }, user)
})
