// Who watches a live, across every app instance: each open live page (its event stream) is a member of
// the live's Redis sorted set, scored with the time its presence expires. Each process refreshes its
// own members every HEARTBEAT_MS in one command per live, so a crashed instance's viewers expire on
// their own after EXPIRY_MS. Counts are published as `viewers` events on the live's channel: after a
// join or leave (throttled to one per THROTTLE_MS per live and process), and at a heartbeat when the
// count changed (expired members of a dead instance). Best effort: Redis down leaves the count stale.
import { randomUUID } from "node:crypto"

import type { Redis } from "ioredis"

import { publishLiveEvent } from "@/lib/events/live-feed"
import { getProducerRedis, withRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

export const VIEWER_PRESENCE = { HEARTBEAT_MS: 10_000, EXPIRY_MS: 30_000, THROTTLE_MS: 1_000 }

export const viewersKey = (liveId: number) => redisKey("viewers", liveId)

type LocalLive = { connections: Set<string>; heartbeat: ReturnType<typeof setInterval>; publishTimer?: ReturnType<typeof setTimeout>; lastCount: number | null }
const globalPresence = globalThis as unknown as { liveViewers?: Map<number, LocalLive> }

function locals(): Map<number, LocalLive> {
  return (globalPresence.liveViewers ??= new Map())
}

/** Viewers of a live now (members whose presence has not expired), on every instance. */
export async function countLiveViewers(liveId: number, redis: Redis = getProducerRedis()): Promise<number> {
  return withRedis(redis, () => redis.zcount(viewersKey(liveId), Date.now(), "+inf"))
}

async function refresh(liveId: number, local: LocalLive, redis: Redis): Promise<number> {
  const now = Date.now()
  const key = viewersKey(liveId)
  const results = await withRedis(redis, () => {
    const pipeline = redis.multi()
    if (local.connections.size > 0) pipeline.zadd(key, ...[...local.connections].flatMap((id) => [now + VIEWER_PRESENCE.EXPIRY_MS, id]))
    return pipeline.zremrangebyscore(key, "-inf", now).pexpire(key, 2 * VIEWER_PRESENCE.EXPIRY_MS).zcard(key).exec()
  })
  return Number(results?.at(-1)?.[1] ?? 0)
}

async function publishCount(liveId: number, local: LocalLive, redis: Redis, onlyIfChanged: boolean): Promise<void> {
  const count = await refresh(liveId, local, redis)
  if (onlyIfChanged && count === local.lastCount) return
  local.lastCount = count
  await withRedis(redis, () => publishLiveEvent(redis, liveId, { type: "viewers", count }))
}

function schedulePublish(liveId: number, local: LocalLive, redis: Redis): void {
  if (local.publishTimer) return
  local.publishTimer = setTimeout(() => {
    local.publishTimer = undefined
    void publishCount(liveId, local, redis, false).catch(() => undefined)
  }, VIEWER_PRESENCE.THROTTLE_MS)
  local.publishTimer.unref?.()
}

export type LiveViewer = { connectionId: string; leave: () => Promise<void> }

/**
 * Counts one open live page (one event stream) as a viewer of live `liveId` until `leave()`.
 * Resolves once the viewer is in the shared set, so a count read next includes it.
 */
export async function trackLiveViewer(liveId: number, redis: Redis = getProducerRedis()): Promise<LiveViewer> {
  const registry = locals()
  let local = registry.get(liveId)
  if (!local) {
    const created: LocalLive = { connections: new Set(), lastCount: null, heartbeat: setInterval(() => void publishCount(liveId, created, redis, true).catch(() => undefined), VIEWER_PRESENCE.HEARTBEAT_MS) }
    created.heartbeat.unref?.()
    registry.set(liveId, created)
    local = created
  }
  const connectionId = randomUUID()
  local.connections.add(connectionId)
  await withRedis(redis, () => redis.zadd(viewersKey(liveId), Date.now() + VIEWER_PRESENCE.EXPIRY_MS, connectionId)).catch(() => undefined)
  schedulePublish(liveId, local, redis)
  const own = local
  let left = false
  return {
    connectionId,
    leave: async () => {
      if (left) return
      left = true
      own.connections.delete(connectionId)
      if (own.connections.size === 0 && registry.get(liveId) === own) {
        clearInterval(own.heartbeat)
        registry.delete(liveId)
      }
      await withRedis(redis, () => redis.zrem(viewersKey(liveId), connectionId)).catch(() => undefined)
      schedulePublish(liveId, own, redis)
    },
  }
}
