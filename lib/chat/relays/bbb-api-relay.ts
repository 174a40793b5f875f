// BBB >= 3.0's sendChatMessage (docs streamer.md): the server posts the message into the meeting's
// public chat under the author's real name, without a bot browser. Through our BBB client (checksums,
// typed BbbError), with the chat's own timeout.
import { isBbbError } from "@/lib/bbb/errors"
import type { BbbClient } from "@/lib/bbb/client"

import type { ChatRelay, ChatRelayOutcome } from "./chat-relay"

/** BBB's limit on userName. */
const MAX_USER_NAME = 255

export function createBbbApiChatRelay(client: BbbClient): ChatRelay {
  return {
    name: "bbb-api",
    async send({ target, authorName, text }): Promise<ChatRelayOutcome> {
      try {
        await client.sendChatMessage({ meetingID: target.meetingId, message: text, userName: authorName?.slice(0, MAX_USER_NAME) || undefined })
        return { status: "DELIVERED", receivers: null }
      } catch (error) {
        if (!isBbbError(error)) return { status: "RELAY_DOWN", receivers: null, reason: (error as Error).message }
        // BBB answered and said no (FAILED: unknown meeting, bad parameter, wrong secret; a 4xx; an answer
        // we cannot read as success) versus BBB not answering properly (network, timeout, 5xx, proxy page).
        const refused = error.kind === "FAILED" || error.kind === "SCHEMA_MISMATCH" || (error.kind === "HTTP_STATUS" && (error.httpStatus ?? 500) < 500)
        return { status: refused ? "REFUSED" : "RELAY_DOWN", receivers: null, reason: `${error.kind}${error.messageKey ? ` ${error.messageKey}` : ""}: ${error.message}` }
      }
    },
  }
}
