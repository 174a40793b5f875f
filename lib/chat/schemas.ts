// Shapes of the live-page chat, shared by the server (route, use cases) and the chat panel.
import { z } from "zod"

/** What a viewer posts. The length limit (CHAT_MAX_LENGTH) is checked after trimming by sendChatMessage. */
export const sendChatMessageInputSchema = z.object({
  slug: z.string().min(1).max(200),
  // Far above any setting: refuses absurd bodies before any work; real limits give CHAT_MESSAGE_TOO_LONG.
  body: z.string().max(10_000),
  /** Sent as a question (the « Questions » view, votes). */
  isQuestion: z.boolean().optional(),
})
export type SendChatMessageInput = z.infer<typeof sendChatMessageInputSchema>

/** The body of POST /api/lives/<slug>/chat. */
export const chatPostBodySchema = sendChatMessageInputSchema.pick({ body: true, isQuestion: true })

export const CHAT_RELAY_STATUSES = ["PENDING", "DELIVERED", "NO_LISTENER", "REFUSED", "RELAY_DOWN"] as const
export type ChatRelayStatus = (typeof CHAT_RELAY_STATUSES)[number]

/** A message as the page shows it; `outcome` only on the viewer's own messages. */
export type ChatMessageView = {
  id: number
  authorName: string
  body: string
  sentAt: string
  outcome?: ChatRelayStatus
  /** Written in the BBB room's public chat (« Dans la salle BBB »). */
  fromRoom?: boolean
  isQuestion?: boolean
  votes?: number
  answered?: boolean
}

/** What the sender is told: the stored message and what the relay into BBB answered. */
export type SendChatMessageResult = {
  message: ChatMessageView
  outcome: Exclude<ChatRelayStatus, "PENDING">
  relay: "redis" | "bbb-api"
}

/** What the live's moderators may do to its page chat (POST /api/lives/<slug>/chat/moderation). */
export const chatModerationInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("hide"), messageId: z.number().int().positive() }),
  z.object({ action: z.literal("mute"), messageId: z.number().int().positive() }),
  z.object({ action: z.literal("unmute"), messageId: z.number().int().positive() }),
  z.object({ action: z.literal("answer"), messageId: z.number().int().positive() }),
  z.object({ action: z.literal("slowMode"), seconds: z.number().int().min(0).max(3_600) }),
  z.object({ action: z.literal("close") }),
  z.object({ action: z.literal("reopen") }),
  z.object({ action: z.literal("showRoomChat"), value: z.boolean() }),
])
export type ChatModerationInput = z.infer<typeof chatModerationInputSchema>

/** The body of POST /api/lives/<slug>/chat/votes: the question upvoted. */
export const chatVoteBodySchema = z.object({ messageId: z.number().int().positive() })

/** A hidden message as its moderators still see it (who hid it and when). */
export type HiddenChatMessageView = { id: number; authorName: string; body: string; hiddenByName: string; hiddenAt: string }

/** What the chat panel learns about its viewer: may they moderate, and what moderators see. */
export type ChatModerationView = {
  canModerate: boolean
  /** The viewer is muted in this live's chat. */
  muted: boolean
  state: { closed: boolean; slowModeSeconds: number; showRoomChat: boolean }
  /** Moderators only: hidden messages, and the authors (message ids) muted. */
  hidden?: HiddenChatMessageView[]
  mutedMessageIds?: number[]
  /** Room messages need bbb-webhooks (BBB_WEBHOOKS_SERVERS): without them the option is disabled. */
  roomChatAvailable: boolean
}
