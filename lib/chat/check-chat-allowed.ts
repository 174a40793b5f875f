// What moderators decided, enforced on every send whatever the client (direct POSTs included) and
// whichever app instance answers: a closed chat and a muted viewer are read from PostgreSQL, slow mode
// (one message per N seconds per viewer) is a Redis key per live and viewer taken atomically (SET NX
// EX), read from the viewer's last stored message when Redis does not answer. The live's moderators
// are not held by a closed chat nor by slow mode.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import type { User } from "@/lib/generated/prisma/client"
import { mayCancelLive } from "@/lib/lives/may-cancel-live"
import { getProducerRedis, withRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

export const slowModeKey = (liveId: number, userId: number) => redisKey("chat", "slow", liveId, userId)

export async function checkChatAllowed(liveId: number, viewer: Pick<User, "id" | "role">): Promise<void> {
  const live = await db.live.findUniqueOrThrow({
    where: { id: liveId },
    select: { chatClosed: true, chatSlowModeSeconds: true, requestedById: true, meetingId: true, chatMutes: { where: { userId: viewer.id }, select: { id: true } } },
  })
  if (live.chatMutes.length > 0) throw new AppError("CHAT_MUTED", { details: { liveId, userId: viewer.id } })
  if (!live.chatClosed && live.chatSlowModeSeconds === 0) return
  if (await mayCancelLive(viewer, live)) return
  if (live.chatClosed) throw new AppError("CHAT_CLOSED", { details: { liveId } })
  const seconds = live.chatSlowModeSeconds
  const redis = getProducerRedis()
  let free: boolean
  try {
    free = (await withRedis(redis, () => redis.set(slowModeKey(liveId, viewer.id), "1", "EX", seconds, "NX"), 500)) === "OK"
  } catch {
    const recent = await db.chatMessage.count({ where: { liveId, userId: viewer.id, sentAt: { gt: new Date(Date.now() - seconds * 1_000) } } })
    free = recent === 0
  }
  if (!free) throw new AppError("CHAT_SLOW_MODE", { details: { liveId, userId: viewer.id, seconds } })
}
