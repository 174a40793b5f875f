// Recognising our own relay when BBB's chat event brings it back (bbb-webhooks' chat-group-message-sent):
// each line we send into the room is remembered for a while in Redis (every app instance sees it), as the
// room will show it: "(First Last) text" typed by the streamer's chat bot (redis relay), or "text" posted
// as "First Last" (BBB 3 sendChatMessage; the on-air notice as its sender name). A room message that
// matches one is not shown again on the page; each remembered line matches once.
import { createHash } from "node:crypto"

import { getProducerRedis, withRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

import { redisChatLine } from "./relays/redis-relay"

/** How long a relayed line waits for its echo. */
export const ECHO_WINDOW_SECONDS = 120

const echoKey = (liveId: number, line: string) => redisKey("chat", "relayed", liveId, createHash("sha1").update(line, "utf8").digest("hex"))
const asPosted = (senderName: string, text: string) => `${senderName.trim()}\n${text.trim()}`

/**
 * Remembers what the room will show of this relayed message (best effort: without Redis, an echo may
 * show). senderName null: the platform's own plain text (on-air notice), whoever BBB shows as its sender.
 */
export async function rememberRelayedLine(liveId: number, senderName: string | null, text: string): Promise<void> {
  const redis = getProducerRedis()
  const multi = redis.multi()
  const keys = senderName === null ? [echoKey(liveId, text.trim())] : [echoKey(liveId, redisChatLine(senderName, text)), echoKey(liveId, asPosted(senderName, text))]
  for (const key of keys) multi.incr(key).expire(key, ECHO_WINDOW_SECONDS)
  await withRedis(redis, () => multi.exec(), 500).catch(() => undefined)
}

/** True when this room message is the echo of one of our relayed lines (and consumes it). */
export async function isEchoOfRelay(liveId: number, senderName: string, message: string): Promise<boolean> {
  const redis = getProducerRedis()
  for (const key of [echoKey(liveId, message.trim()), echoKey(liveId, asPosted(senderName, message))]) {
    const left = await withRedis(redis, () => redis.decr(key), 500).catch(() => null)
    if (left === null) continue
    if (left >= 0) return true
    await withRedis(redis, () => redis.del(key), 500).catch(() => undefined)
  }
  return false
}
