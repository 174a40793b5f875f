// POST { messageId }: a signed-in viewer upvotes a question of the live's chat (once; 401 anonymous).
import { route } from "@/app/_lib/adapters"
import { chatVoteBodySchema } from "@/lib/chat/schemas"
import { voteChatQuestion } from "@/lib/chat/vote-chat-question"

export const dynamic = "force-dynamic"

export const POST = route<{ slug: string }>({ access: "public" }, async ({ request, params, user }) => {
  const { messageId } = chatVoteBodySchema.parse(await request.json().catch(() => null))
  return voteChatQuestion({ slug: params.slug, messageId }, user)
})
