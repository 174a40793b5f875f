// A viewer's message from a live page into the BBB room (domain flow 7). Checks, in order: the live
// exists and the viewer may see it (restricted lives), chat enabled, viewer signed in, live RUNNING,
// the text (one line, not empty, at most CHAT_MAX_LENGTH after trimming), what its moderators decided
// (muted, closed, slow mode: check-chat-allowed.ts), the user's rate limit.
// Then the message is STORED FIRST (nothing is lost), relayed, its outcome recorded on the row, and
// it is published to the page's viewers. The sender learns the truth: delivered or why not.
import type { CurrentUser } from "@/lib/auth/find-session-user"
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { publishLiveEvent } from "@/lib/events/live-feed"
import { findViewableLive } from "@/lib/lives/find-viewable-live"
import { getLiveChatTarget } from "@/lib/lives/get-live-chat-target"
import { logger } from "@/lib/logger"
import { getProducerRedis, withRedis } from "@/lib/redis"

import { consumeChatAllowance } from "./chat-rate-limit"
import { checkChatAllowed } from "./check-chat-allowed"
import { rememberRelayedLine } from "./room-echo"
import { normalizeChatText } from "./normalize-chat-text"
import { chooseChatRelay } from "./relays/choose-chat-relay"
import { sendChatMessageInputSchema, type SendChatMessageInput, type SendChatMessageResult } from "./schemas"

export async function sendChatMessage(input: SendChatMessageInput, viewer: Pick<CurrentUser, "id" | "role" | "firstName" | "lastName"> | null): Promise<SendChatMessageResult> {
  const { slug, body, isQuestion = false } = sendChatMessageInputSchema.parse(input)
  const live = await findViewableLive(slug, viewer)
  if (!live.enableChat) throw new AppError("CHAT_DISABLED", { details: { liveId: live.liveId } })
  if (!viewer) throw new AppError("UNAUTHENTICATED", { details: { liveId: live.liveId } })
  if (live.status !== "RUNNING") throw new AppError("LIVE_NOT_RUNNING", { details: { liveId: live.liveId, status: live.status } })
  const text = normalizeChatText(body)
  if (!text) throw new AppError("CHAT_MESSAGE_EMPTY")
  const { CHAT_MAX_LENGTH } = getEnv()
  if (text.length > CHAT_MAX_LENGTH) throw new AppError("CHAT_MESSAGE_TOO_LONG", { details: { length: text.length, max: CHAT_MAX_LENGTH } })
  await checkChatAllowed(live.liveId, viewer)
  await consumeChatAllowance(viewer.id)

  const authorName = `${viewer.firstName} ${viewer.lastName}`.replace(/\s+/g, " ").trim()
  const stored = await db.chatMessage.create({
    data: { liveId: live.liveId, userId: viewer.id, authorName, body: text, isQuestion },
    select: { id: true, sentAt: true },
  })

  const relay = await chooseChatRelay()
  // Remembered before it is sent: BBB's chat event for it may come back before the relay answers.
  await rememberRelayedLine(live.liveId, authorName, text)
  const outcome = await relay.send({ target: await getLiveChatTarget(live.liveId), authorName, text })
  await db.chatMessage.update({
    where: { id: stored.id },
    data: { relay: relay.name, relayStatus: outcome.status, receivers: outcome.receivers ?? 0 },
  })
  if (outcome.status !== "DELIVERED") {
    logger.warn({ liveId: live.liveId, messageId: stored.id, relay: relay.name, outcome: outcome.status, reason: outcome.reason }, "chat message not relayed into BBB")
  }

  const message = { id: stored.id, authorName, body: text, sentAt: stored.sentAt.toISOString(), ...(isQuestion ? { isQuestion, votes: 0, answered: false } : {}) }
  try {
    // Other viewers learn of it through the live's event channel; the database keeps it either way.
    await withRedis(getProducerRedis(), () => publishLiveEvent(getProducerRedis(), live.liveId, { type: "chat", message }), 1_000)
  } catch (error) {
    logger.warn({ err: error, liveId: live.liveId, messageId: stored.id }, "chat message stored but not pushed to the page's viewers")
  }
  return { message: { ...message, outcome: outcome.status }, outcome: outcome.status, relay: relay.name }
}
