// Change notifications for open pages: workers and request handlers PUBLISH on a Redis channel; each
// web process keeps ONE subscriber connection and fans messages out to its open streams (SSE).
// Best effort by design: the database is the truth and pages re-read it when told something changed.
import type { Redis } from "ioredis"

import { createSubscriberRedis } from "@/lib/redis"
import { namespacedChannel, redisChannel } from "@/lib/redis-keys"

export const CHANGE_TOPICS = ["meetings", "lives"] as const
export type ChangeTopic = (typeof CHANGE_TOPICS)[number]
export const changeChannel = (topic: ChangeTopic) => redisChannel("changes", topic)
/** The change channel of the installation whose namespace is given (browser tests, from outside the app). */
export const changeChannelIn = (namespace: string, topic: ChangeTopic) => namespacedChannel(namespace, "changes", topic)

export async function publishChange(redis: Redis, topic: ChangeTopic, payload: Record<string, unknown> = {}): Promise<void> {
  await redis.publish(changeChannel(topic), JSON.stringify({ topic, at: Date.now(), ...payload }))
}

type Listener = (topic: ChangeTopic) => void
const globalFeed = globalThis as unknown as { changeFeed?: { subscriber: Redis; listeners: Set<Listener> } }

/** Calls `listener` on every change of any topic; returns the unsubscribe function. */
export function onChange(listener: Listener): () => void {
  if (!globalFeed.changeFeed) {
    const subscriber = createSubscriberRedis()
    const listeners = new Set<Listener>()
    subscriber.on("error", () => undefined) // ioredis reconnects by itself; pages fall back to polling
    void subscriber.subscribe(...CHANGE_TOPICS.map(changeChannel))
    subscriber.on("message", (channel: string) => {
      const topic = CHANGE_TOPICS.find((t) => changeChannel(t) === channel)
      if (topic) for (const l of listeners) l(topic)
    })
    globalFeed.changeFeed = { subscriber, listeners }
  }
  const feed = globalFeed.changeFeed
  feed.listeners.add(listener)
  return () => feed.listeners.delete(listener)
}
