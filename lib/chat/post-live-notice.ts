// The on-air notice (issue 24): when a live goes on air, one message is posted into the BBB room's
// public chat through the live's relay, « Cette session est diffusée en direct : <adresse> », and
// another when it stops, so that participants know they are broadcast (LIVE_ON_AIR_NOTICE*).
// Once per live and kind (a Redis key taken with SET NX: a retried start or stop does not repeat it).
// Never blocks the live: the streamer agent does not wait for the on-air one, which is retried while
// nobody relays it yet (the streamer's chat bot joins the room some seconds after the stream starts);
// a failure is logged once.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { getLiveChatTarget } from "@/lib/lives/get-live-chat-target"
import { logger } from "@/lib/logger"
import { getProducerRedis, withRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

import type { ChatRelayOutcome } from "./relays/chat-relay"
import { chooseChatRelay } from "./relays/choose-chat-relay"
import { rememberRelayedLine } from "./room-echo"

export type LiveNoticeKind = "on-air" | "off-air"
export type LiveNoticeResult = ChatRelayOutcome["status"] | "disabled" | "already-posted"

const noticeKey = (liveId: number, kind: LiveNoticeKind) => redisKey("chat", "notice", liveId, kind)

/** The text posted for this live; null when the live is unknown. */
export async function liveNoticeText(liveId: number, kind: LiveNoticeKind): Promise<string | null> {
  const env = getEnv()
  if (kind === "off-air") return env.LIVE_OFF_AIR_NOTICE_TEXT
  const live = await db.live.findUnique({ where: { id: liveId }, select: { pageSlug: true, broadcaster: { select: { slug: true } } } })
  if (!live) return null
  const slug = live.broadcaster?.slug ?? live.pageSlug ?? ""
  return env.LIVE_ON_AIR_NOTICE_TEXT.replaceAll("{url}", new URL(`/lives/${encodeURIComponent(slug)}`, env.APP_URL).toString())
}

async function isOnAir(liveId: number): Promise<boolean> {
  const live = await db.live.findUnique({ where: { id: liveId }, select: { status: true } })
  return live?.status === "RUNNING"
}

export async function postLiveNotice(liveId: number, kind: LiveNoticeKind, options: { retryForMs?: number; retryEveryMs?: number } = {}): Promise<LiveNoticeResult> {
  if (!getEnv().LIVE_ON_AIR_NOTICE) return "disabled"
  const redis = getProducerRedis()
  const first = await withRedis(redis, () => redis.set(noticeKey(liveId, kind), "1", "EX", 86_400, "NX"), 1_000).catch(() => "OK")
  if (first !== "OK") return "already-posted"
  const deadline = Date.now() + (options.retryForMs ?? 0)
  let status: ChatRelayOutcome["status"] = "RELAY_DOWN"
  let reason: string | undefined
  try {
    const text = await liveNoticeText(liveId, kind)
    if (text === null) return "RELAY_DOWN"
    const target = await getLiveChatTarget(liveId)
    await rememberRelayedLine(liveId, null, text)
    for (;;) {
      const relay = await chooseChatRelay()
      const outcome = await relay.send({ target, authorName: null, text })
      status = outcome.status
      reason = outcome.reason
      if (status === "DELIVERED" || status === "REFUSED" || Date.now() >= deadline) break
      await new Promise((resolve) => setTimeout(resolve, options.retryEveryMs ?? 2_000))
      // A live that left the air meanwhile gives its slot (and chat channel) to the next live: its
      // notice must not land in that live's room.
      if (!(await isOnAir(liveId))) break
    }
  } catch (error) {
    reason = (error as Error).message
  }
  if (status !== "DELIVERED") logger.warn({ liveId, kind, status, reason }, `${kind} notice not posted into the BBB room's chat`)
  return status
}
