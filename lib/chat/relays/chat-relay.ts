// The one interface of the ways a live-page message reaches the BBB room (CHAT_RELAY).
import type { ChatRelayStatus } from "../schemas"

/** Where the live's messages go: its slot's chat redis (redis relay) and its BBB meeting (bbb-api relay). */
export type ChatRelayTarget = {
  liveId: number
  /** The external meetingID of the live's BBB session. */
  meetingId: string
  redisHost: string | null
  redisPort: number | null
  redisChannel: string | null
}

export type ChatRelayMessage = { target: ChatRelayTarget; authorName: string; text: string }

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
