// "This account's sessions just ended" (deactivated, signed out, password reset, role changed), told
// to every app instance so that each closes the account's open event streams at once instead of at
// their next heartbeat (lib/chat/open-live-event-stream.ts). One channel for all accounts (such
// notices are rare), one subscriber connection per process, as the other feeds. Best effort: the
// heartbeat's re-check still closes a stream whose notice was lost.
import type { Redis } from "ioredis"

import { logger } from "@/lib/logger"
import { createSubscriberRedis, getProducerRedis } from "@/lib/redis"
import { redisChannel } from "@/lib/redis-keys"

export const sessionsEndedChannel = () => redisChannel("sessions-ended")

/** Tells every instance that `userId`'s sessions ended. Never throws: a lost notice leaves the heartbeat to do it. */
export async function announceSessionsEnded(userId: number): Promise<void> {
  try {
    await getProducerRedis().publish(sessionsEndedChannel(), String(userId))
  } catch (error) {
    logger.warn({ err: error, userId }, "sessions-ended notice not published; open streams close at their next heartbeat")
  }
}

type Listener = () => void
type Feed = { subscriber: Redis; channel: string; listeners: Map<number, Set<Listener>> }
const globalFeed = globalThis as unknown as { sessionsEndedFeed?: Feed }

function feed(): Feed {
  const channel = sessionsEndedChannel()
  // Tests change the namespace between files; a process serves one namespace.
  if (globalFeed.sessionsEndedFeed?.channel !== channel) {
    globalFeed.sessionsEndedFeed?.subscriber.disconnect()
    const subscriber = createSubscriberRedis()
    const listeners = new Map<number, Set<Listener>>()
    subscriber.on("error", () => undefined) // ioredis reconnects and re-subscribes by itself
    void subscriber.subscribe(channel).catch(() => undefined)
    subscriber.on("message", (from: string, text: string) => {
      if (from !== channel) return
      for (const listener of listeners.get(Number(text)) ?? []) listener()
    })
    globalFeed.sessionsEndedFeed = { subscriber, channel, listeners }
  }
  return globalFeed.sessionsEndedFeed
}

/** Calls `listener` when `userId`'s sessions end on any instance; returns the unsubscribe function. */
export function onSessionsEnded(userId: number, listener: Listener): () => void {
  const { listeners } = feed()
  let set = listeners.get(userId)
  if (!set) {
    set = new Set()
    listeners.set(userId, set)
  }
  set.add(listener)
  return () => {
    const current = listeners.get(userId)
    if (!current) return
    current.delete(listener)
    if (current.size === 0) listeners.delete(userId)
  }
}

/** Resolves once this process listens for notices (tests: publish only after that). */
export async function sessionsEndedFeedReady(): Promise<void> {
  const { subscriber, channel } = feed()
  await subscriber.subscribe(channel)
}
