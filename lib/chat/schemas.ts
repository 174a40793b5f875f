// Shapes of the live-page chat, shared by the server (route, use cases) and the chat panel.
import { z } from "zod"

/** What a viewer posts. The length limit (CHAT_MAX_LENGTH) is checked after trimming by sendChatMessage. */
export const sendChatMessageInputSchema = z.object({
  slug: z.string().min(1).max(200),
  // Far above any setting: refuses absurd bodies before any work; real limits give CHAT_MESSAGE_TOO_LONG.
  body: z.string().max(10_000),
})
export type SendChatMessageInput = z.infer<typeof sendChatMessageInputSchema>

/** The body of POST /api/lives/<slug>/chat. */
export const chatPostBodySchema = sendChatMessageInputSchema.pick({ body: true })

export const CHAT_RELAY_STATUSES = ["PENDING", "DELIVERED", "NO_LISTENER", "REFUSED", "RELAY_DOWN"] as const
export type ChatRelayStatus = (typeof CHAT_RELAY_STATUSES)[number]

/** A message as the page shows it; `outcome` only on the viewer's own messages. */
export type ChatMessageView = {
  id: number
  authorName: string
  body: string
  sentAt: string
  outcome?: ChatRelayStatus
}

/** What the sender is told: the stored message and what the relay into BBB answered. */
export type SendChatMessageResult = {
  message: ChatMessageView
  outcome: Exclude<ChatRelayStatus, "PENDING">
  relay: "redis" | "bbb-api"
}
