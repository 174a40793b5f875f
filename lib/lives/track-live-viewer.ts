// Who watches a live, across every app instance. A viewer is a person, not a tab: a signed-in account
// (`u:<id>`) whatever its number of open pages, an anonymous browser (`a:<its cookie id>`, set by the
// live page's event stream). Each process keeps its open pages (their event streams) per viewer, and
// the live's Redis sorted set holds one member per viewer and process (`<viewer>@<process>`), scored
// with the time its presence expires. Each process refreshes its own members every HEARTBEAT_MS in one
// command per live, so the viewers of a crashed instance expire on their own after EXPIRY_MS (< 15 s);
// a page that closes (even a killed tab: its connection closes) leaves at once. Counts are computed in
// Redis (one script: members still present, one per viewer) and published as `viewers` events on the
// live's channel: after a join or leave (throttled to one per THROTTLE_MS per live and process), and at
// a heartbeat when the count changed. Every viewer is also added to the live's HyperLogLog (distinct
// viewers, no identity stored). Best effort: Redis down leaves the count stale.
// The streamer's and chat bot's BBB accounts join the BBB room, never the live page: never counted.
import { randomUUID } from "node:crypto"

import type { Redis } from "ioredis"

import { publishLiveEvent } from "@/lib/events/live-feed"
import { getProducerRedis, withRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

export const VIEWER_PRESENCE = { HEARTBEAT_MS: 4_000, EXPIRY_MS: 12_000, THROTTLE_MS: 1_000 }
/** How long a live's distinct-viewers estimate outlives its last viewer (a restart keeps counting on). */
const SEEN_TTL_S = 2 * 24 * 3600

export const viewersKey = (liveId: number) => redisKey("viewers", liveId)
export const viewersSeenKey = (liveId: number) => redisKey("viewers-seen", liveId)
/** The rendition each viewer's player reports (viewer → "360p"), lib/lives/report-viewer-rendition.ts. */
export const viewerRenditionsKey = (liveId: number) => redisKey("viewer-renditions", liveId)

/** This process, in its members: two instances never remove each other's. */
const PROCESS_ID = randomUUID().slice(0, 8)

type LocalLive = { viewers: Map<string, Set<string>>; heartbeat: ReturnType<typeof setInterval>; publishTimer?: ReturnType<typeof setTimeout>; lastCount: number | null }
const globalPresence = globalThis as unknown as { liveViewers?: Map<number, LocalLive> }

function locals(): Map<number, LocalLive> {
  return (globalPresence.liveViewers ??= new Map())
}

/** Drops expired members, then counts the members left once per viewer, split signed-in / anonymous. */
const COUNT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local members = redis.call('ZRANGE', KEYS[1], 0, -1)
local seen, signedIn, anonymous = {}, 0, 0
for _, member in ipairs(members) do
  local viewer = string.match(member, '^(.*)@[^@]*$') or member
  if not seen[viewer] then
    seen[viewer] = true
    if string.sub(viewer, 1, 2) == 'u:' then signedIn = signedIn + 1 else anonymous = anonymous + 1 end
  end
end
return {signedIn + anonymous, signedIn, anonymous}
`

export type ViewerCounts = { viewers: number; signedIn: number; anonymous: number }

function toCounts(result: unknown): ViewerCounts {
  const [viewers, signedIn, anonymous] = (result as number[] | null) ?? [0, 0, 0]
  return { viewers: Number(viewers), signedIn: Number(signedIn), anonymous: Number(anonymous) }
}

/** Viewers of a live now (present on some instance, each person once), with the signed-in / anonymous split. */
export async function countLiveViewerSplit(liveId: number, redis: Redis = getProducerRedis()): Promise<ViewerCounts> {
  return toCounts(await withRedis(redis, () => redis.eval(COUNT_SCRIPT, 1, viewersKey(liveId), Date.now())))
}

/** Viewers of a live now, on every instance. */
export async function countLiveViewers(liveId: number, redis: Redis = getProducerRedis()): Promise<number> {
  return (await countLiveViewerSplit(liveId, redis)).viewers
}

/**
 * COUNT_SCRIPT, plus the viewers on each rendition their player reported (KEYS[2], viewer → name):
 * only viewers present now count, each once; a viewer whose player said nothing (Safari plays HLS
 * itself) is in no rendition. Returns the counts, then name, count, name, count…
 */
const AUDIENCE_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local members = redis.call('ZRANGE', KEYS[1], 0, -1)
local seen, signedIn, anonymous, renditions = {}, 0, 0, {}
for _, member in ipairs(members) do
  local viewer = string.match(member, '^(.*)@[^@]*$') or member
  if not seen[viewer] then
    seen[viewer] = true
    if string.sub(viewer, 1, 2) == 'u:' then signedIn = signedIn + 1 else anonymous = anonymous + 1 end
    local rendition = redis.call('HGET', KEYS[2], viewer)
    if rendition then renditions[rendition] = (renditions[rendition] or 0) + 1 end
  end
end
local reply = {signedIn + anonymous, signedIn, anonymous}
for name, count in pairs(renditions) do
  table.insert(reply, name)
  table.insert(reply, count)
end
return reply
`

/** Viewers per rendition ({ "360p": 3, audio: 1 }); empty when no player reported one. */
export type RenditionCounts = Record<string, number>
export type LiveAudienceNow = ViewerCounts & { distinct: number; renditions: RenditionCounts }

/** The counts, renditions and distinct viewers so far of several lives, in one round trip (the audience sampler). */
export async function readLivesAudience(liveIds: number[], redis: Redis = getProducerRedis()): Promise<Map<number, LiveAudienceNow>> {
  if (liveIds.length === 0) return new Map()
  const now = Date.now()
  const results = await withRedis(redis, () => {
    const pipeline = redis.pipeline()
    for (const id of liveIds) pipeline.eval(AUDIENCE_SCRIPT, 2, viewersKey(id), viewerRenditionsKey(id), now).pfcount(viewersSeenKey(id))
    return pipeline.exec()
  })
  const audience = new Map<number, LiveAudienceNow>()
  liveIds.forEach((id, i) => {
    const [countError, counts] = results?.[2 * i] ?? [new Error("no reply")]
    const [seenError, distinct] = results?.[2 * i + 1] ?? [new Error("no reply")]
    if (countError || seenError) throw countError ?? seenError
    const reply = (counts as (string | number)[] | null) ?? []
    const renditions: RenditionCounts = {}
    for (let j = 3; j + 1 < reply.length; j += 2) renditions[String(reply[j])] = Number(reply[j + 1])
    audience.set(id, { ...toCounts(reply.slice(0, 3)), distinct: Number(distinct), renditions })
  })
  return audience
}

const member = (viewer: string) => `${viewer}@${PROCESS_ID}`

async function refresh(liveId: number, local: LocalLive, redis: Redis): Promise<number> {
  const key = viewersKey(liveId)
  const results = await withRedis(redis, () => {
    const pipeline = redis.multi()
    const expires = Date.now() + VIEWER_PRESENCE.EXPIRY_MS
    if (local.viewers.size > 0) pipeline.zadd(key, ...[...local.viewers.keys()].flatMap((viewer) => [expires, member(viewer)]))
    return pipeline.pexpire(key, 2 * VIEWER_PRESENCE.EXPIRY_MS).eval(COUNT_SCRIPT, 1, key, Date.now()).exec()
  })
  return toCounts(results?.at(-1)?.[1]).viewers
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

/** The cookie naming an anonymous browser (a random id, nothing else; set by the live page's event stream). */
export const VIEWER_COOKIE = "live-viewer"
/** What an anonymous browser's id looks like (a UUID): anything else in the cookie is ignored. */
export const BROWSER_ID_PATTERN = /^[0-9a-f-]{36}$/

/** Who opened a live page: a signed-in account, or an anonymous browser's cookie id. */
export type ViewerIdentity = { userId: number } | { browserId: string }

/** The viewer a person is in the live's presence: `u:<account>` or `a:<browser>`. */
export function viewerOf(who: ViewerIdentity): string {
  return "userId" in who ? `u:${who.userId}` : `a:${who.browserId}`
}

function viewerKey(who: ViewerIdentity | undefined, connectionId: string): string {
  return who ? viewerOf(who) : `a:${connectionId}`
}

/**
 * Counts one open live page (one event stream) of `who` (each page its own viewer when not given)
 * until `leave()`. Resolves once the viewer is in the shared set, so a count read next includes it.
 */
export async function trackLiveViewer(liveId: number, who?: ViewerIdentity, redis: Redis = getProducerRedis()): Promise<LiveViewer> {
  const registry = locals()
  let local = registry.get(liveId)
  if (!local) {
    const created: LocalLive = { viewers: new Map(), lastCount: null, heartbeat: setInterval(() => void publishCount(liveId, created, redis, true).catch(() => undefined), VIEWER_PRESENCE.HEARTBEAT_MS) }
    created.heartbeat.unref?.()
    registry.set(liveId, created)
    local = created
  }
  const connectionId = randomUUID()
  const viewer = viewerKey(who, connectionId)
  let pages = local.viewers.get(viewer)
  if (!pages) local.viewers.set(viewer, (pages = new Set()))
  pages.add(connectionId)
  await withRedis(redis, () =>
    redis
      .multi()
      .zadd(viewersKey(liveId), Date.now() + VIEWER_PRESENCE.EXPIRY_MS, member(viewer))
      .pfadd(viewersSeenKey(liveId), viewer)
      .expire(viewersSeenKey(liveId), SEEN_TTL_S)
      .exec(),
  ).catch(() => undefined)
  schedulePublish(liveId, local, redis)
  const own = local
  let left = false
  return {
    connectionId,
    leave: async () => {
      if (left) return
      left = true
      pages.delete(connectionId)
      const lastPage = pages.size === 0 && own.viewers.get(viewer) === pages
      if (lastPage) own.viewers.delete(viewer)
      if (own.viewers.size === 0 && registry.get(liveId) === own) {
        clearInterval(own.heartbeat)
        registry.delete(liveId)
      }
      if (lastPage) await withRedis(redis, () => redis.zrem(viewersKey(liveId), member(viewer))).catch(() => undefined)
      schedulePublish(liveId, own, redis)
    },
  }
}
