// POST { messageId }: a signed-in viewer upvotes a question of the live's chat (once; 401 anonymous).
import { z } from "zod"

import { route } from "@/app/_lib/adapters"
import { voteChatQuestion } from "@/lib/chat/vote-chat-question"

export const dynamic = "force-dynamic"

const voteBodySchema = z.object({ messageId: z.number().int().positive() })

export const POST = route<{ slug: string }>({ access: "public" }, async ({ request, params, user }) => {
  const { messageId } = voteBodySchema.parse(await request.json().catch(() => null))
  return voteChatQuestion({ slug: params.slug, messageId }, user)
})
