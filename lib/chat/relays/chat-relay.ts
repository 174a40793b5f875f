// The one interface of the ways a live-page message reaches the BBB room (CHAT_RELAY).
import type { LiveChatTarget } from "@/lib/lives/get-live-chat-target"

import type { ChatRelayStatus } from "../schemas"

/** Where the live's messages go (read from the live by lib/lives). */
export type ChatRelayTarget = LiveChatTarget

/** authorName null: a message of the platform itself (the on-air notice), sent as plain text. */
export type ChatRelayMessage = { target: ChatRelayTarget; authorName: string | null; text: string }

export type ChatRelayOutcome = {
  status: Exclude<ChatRelayStatus, "PENDING">
  /** Subscribers that received it (redis relay); null when the relay does not count them. */
  receivers: number | null
  /** Why it was not delivered, for logs (never shown as is). */
  reason?: string
}

export type ChatRelay = {
  name: "redis" | "bbb-api"
  /** Never throws: every failure is an outcome the sender is told about. */
  send(message: ChatRelayMessage): Promise<ChatRelayOutcome>
}
