// A message written in the BBB room's public chat, brought by bbb-webhooks' chat event
// (chat-group-message-sent, BBB >= 2.7), shown on the live page of that session marked as coming from
// the room, with its author's name, while the live shows the room's messages (Live.showRoomChat).
// Plain text only (the page renders text, never markup), cut to ROOM_CHAT_MAX_LENGTH; our own relayed
// lines coming back are recognised and not shown twice (room-echo.ts); a flood from the room is cut at
// ROOM_CHAT_MAX_PER_SECOND per live (dropped, not queued), so it cannot slow the page's own chat.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { publishLiveEvent } from "@/lib/events/live-feed"
import { logger } from "@/lib/logger"
import { getProducerRedis, withRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

import { normalizeChatText } from "./normalize-chat-text"
import { isEchoOfRelay } from "./room-echo"

/** The id of a meeting's public chat in BBB's events (private chats are never shown). */
export const PUBLIC_CHAT_ID = "MAIN-PUBLIC-GROUP-CHAT"
const MAX_AUTHOR = 100

export type RoomChatOutcome = "shown" | "echo" | "no-live" | "not-shown" | "flood" | "empty" | "private"

export async function showRoomChatMessage(input: { meetingID: string; senderName: string; message: string; chatId?: string }): Promise<RoomChatOutcome> {
  if (input.chatId && input.chatId !== PUBLIC_CHAT_ID) return "private"
  const env = getEnv()
  const live = await db.live.findFirst({
    where: { status: "RUNNING", enableChat: true, meeting: { meetingId: input.meetingID } },
    select: { id: true, showRoomChat: true },
  })
  if (!live) return "no-live"
  if (!live.showRoomChat || env.BBB_WEBHOOKS_SERVERS.length === 0) return "not-shown"
  const text = normalizeChatText(input.message).slice(0, env.ROOM_CHAT_MAX_LENGTH)
  const authorName = normalizeChatText(input.senderName).slice(0, MAX_AUTHOR) || "BBB"
  if (!text) return "empty"
  if (await isEchoOfRelay(live.id, authorName, text)) return "echo"

  const redis = getProducerRedis()
  const second = Math.floor(Date.now() / 1_000)
  const key = redisKey("chat", "room", live.id, second)
  const count = await withRedis(redis, () => redis.multi().incr(key).expire(key, 5).exec(), 500)
    .then((replies) => Number(replies?.[0]?.[1] ?? 0))
    .catch(() => 0)
  if (count > env.ROOM_CHAT_MAX_PER_SECOND) {
    if (count === env.ROOM_CHAT_MAX_PER_SECOND + 1) logger.warn({ liveId: live.id, perSecond: env.ROOM_CHAT_MAX_PER_SECOND }, "room chat flood: messages beyond the limit are not shown on the page this second")
    return "flood"
  }

  const stored = await db.chatMessage.create({
    data: { liveId: live.id, userId: null, authorName, body: text, source: "ROOM", relayStatus: "DELIVERED" },
    select: { id: true, sentAt: true },
  })
  const message = { id: stored.id, authorName, body: text, sentAt: stored.sentAt.toISOString(), fromRoom: true }
  await withRedis(redis, () => publishLiveEvent(redis, live.id, { type: "chat", message }), 1_000).catch((error: unknown) =>
    logger.warn({ err: error, liveId: live.id, messageId: stored.id }, "room chat message stored but not pushed to the page's viewers"),
  )
  return "shown"
}
