// Per-live events for open live pages (status, viewer count, chat and its moderation): whoever changes a live PUBLISHes
// on the live's Redis channel; each web process keeps ONE subscriber connection, subscribed to the
// channel of every live that has at least one open page in this process, and fans events out to the
// page streams (app/api/lives/[slug]/events). Several app instances agree because they all listen.
// Best effort like the change feed: the database stays the truth (chat messages are stored first).
import type { Redis } from "ioredis"

import type { ChatRelayStatus, LiveStatus } from "@/lib/generated/prisma/enums"
import { createSubscriberRedis } from "@/lib/redis"
import { namespacedChannel, redisChannel } from "@/lib/redis-keys"

export type LiveChatEvent = {
  id: number
  authorName: string
  body: string
  sentAt: string
  /** Written in the BBB room's public chat (bbb-webhooks), not on the page. */
  fromRoom?: boolean
  /** Sent as a question (votes, answered). */
  isQuestion?: boolean
  votes?: number
  answered?: boolean
}

/** What moderators set for a live's page chat (closed, slow mode, room messages shown). */
export type LiveChatState = { closed: boolean; slowModeSeconds: number; showRoomChat: boolean }

/** What a live page can be told; sent to browsers as `event: <type>` with the rest as JSON data. */
export type LiveEvent =
  | { type: "status"; status: LiveStatus }
  | { type: "viewers"; count: number }
  | { type: "chat"; message: LiveChatEvent }
  /** To one signed-in viewer's stream only, when it opens: what became of its own recent messages. */
  | { type: "outcomes"; outcomes: { id: number; outcome: ChatRelayStatus }[] }
  /** A moderator hid a message: every page drops it. */
  | { type: "hidden"; id: number }
  /** A moderator closed/reopened the chat or changed slow mode or the room messages option. */
  | { type: "chatState"; state: LiveChatState }
  /** A question's votes or answered mark changed. */
  | { type: "question"; id: number; votes: number; answered: boolean }

export const liveChannel = (liveId: number) => redisChannel("live", liveId)
/** The live channel of the installation whose namespace is given (browser tests, from outside the app). */
export const liveChannelIn = (namespace: string, liveId: number) => namespacedChannel(namespace, "live", liveId)

export async function publishLiveEvent(redis: Redis, liveId: number, event: LiveEvent): Promise<number> {
  return redis.publish(liveChannel(liveId), JSON.stringify(event))
}

type Listener = (event: LiveEvent) => void
type Feed = { subscriber: Redis; listeners: Map<number, Set<Listener>> }
const globalFeed = globalThis as unknown as { liveFeed?: Feed }

function feed(): Feed {
  if (!globalFeed.liveFeed) {
    const subscriber = createSubscriberRedis()
    const listeners = new Map<number, Set<Listener>>()
    subscriber.on("message", (channel: string, text: string) => {
      const liveId = Number(channel.slice(liveChannel(0).length - 1))
      const set = listeners.get(liveId)
      if (!set) return
      let event: LiveEvent
      try {
        event = JSON.parse(text) as LiveEvent
      } catch {
        return
      }
      for (const l of set) l(event)
    })
    globalFeed.liveFeed = { subscriber, listeners }
  }
  return globalFeed.liveFeed
}

/**
 * Calls `listener` on every event of live `liveId`; returns the unsubscribe function. ioredis
 * re-subscribes by itself after a reconnection (autoResubscribe), so streams survive a Redis restart.
 */
export function onLiveEvent(liveId: number, listener: Listener): () => void {
  const { subscriber, listeners } = feed()
  let set = listeners.get(liveId)
  if (!set) {
    set = new Set()
    listeners.set(liveId, set)
    void subscriber.subscribe(liveChannel(liveId)).catch(() => undefined)
  }
  set.add(listener)
  return () => {
    const current = listeners.get(liveId)
    if (!current) return
    current.delete(listener)
    if (current.size === 0) {
      listeners.delete(liveId)
      void subscriber.unsubscribe(liveChannel(liveId)).catch(() => undefined)
    }
  }
}
