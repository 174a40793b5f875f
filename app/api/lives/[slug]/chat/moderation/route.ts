// The moderation of a live page's chat. GET: what the chat panel needs to know about its viewer (may
// they moderate, are they muted, the chat's state). POST { action, … }: a moderator's action (hide,
// mute, unmute, answer, slowMode, close, reopen, showRoomChat); 403 and nothing changes for anyone else.
import { route } from "@/app/_lib/adapters"
import { getChatModeration } from "@/lib/chat/get-chat-moderation"
import { moderateLiveChat } from "@/lib/chat/moderate-live-chat"
import { chatModerationInputSchema } from "@/lib/chat/schemas"

export const dynamic = "force-dynamic"

export const GET = route<{ slug: string }>({ access: "public" }, async ({ params, user }) => getChatModeration(params.slug, user))

export const POST = route<{ slug: string }>({ access: "public" }, async ({ request, params, user }) => {
  const input = chatModerationInputSchema.parse(await request.json().catch(() => null))
  return moderateLiveChat(params.slug, input, user)
})
