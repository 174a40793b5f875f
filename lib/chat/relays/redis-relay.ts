// The BigBlueButton-liveStreaming chat bot's contract (docs streamer.md): PUBLISH the plain text
// "(First Last) message" on the slot's redis channel; PUBLISH answers how many subscribers got it,
// 0 = nobody relays it (bot not joined yet, streamer down). One connection per host:port, reused;
// a redis that is down answers "relay down" at once, one that does not answer within the timeout too.
import { Redis } from "ioredis"

import type { ChatRelay, ChatRelayOutcome } from "./chat-relay"

const connections = new Map<string, Redis>()

function connectionTo(host: string, port: number, timeoutMs: number): Redis {
  const key = `${host}:${port}`
  let redis = connections.get(key)
  if (redis && redis.status === "end") {
    connections.delete(key)
    redis = undefined
  }
  if (!redis) {
    redis = new Redis({
      host,
      port,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: timeoutMs,
      // Keep trying in the background (the streamer's redis comes up with it); callers never wait for it.
      retryStrategy: (times) => Math.min(200 * times, 5_000),
    })
    redis.on("error", () => undefined) // outcomes tell the sender; no stack trace per failed reconnection
    connections.set(key, redis)
  }
  return redis
}

/** Ready now, or within timeoutMs for a first connection; false at once when it is known to be down. */
async function isReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === "ready") return true
  if (redis.status === "wait") redis.connect().catch(() => undefined)
  else if (redis.status !== "connecting" && redis.status !== "connect") return false // reconnecting, closed
  return new Promise<boolean>((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer)
      redis.off("ready", onReady)
      redis.off("error", onError)
      resolve(value)
    }
    const onReady = () => done(true)
    const onError = () => done(false)
    const timer = setTimeout(() => done(false), timeoutMs)
    redis.once("ready", onReady)
    redis.once("error", onError)
  })
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T | "timeout"> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)))
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** The line the bot types into BBB's public chat: "(First Last) message", on one line. */
export function redisChatLine(authorName: string, text: string): string {
  return `(${authorName.replace(/[\r\n]+/g, " ")}) ${text.replace(/[\r\n]+/g, " ")}`
}

export function createRedisChatRelay(options: { timeoutMs: number }): ChatRelay {
  return {
    name: "redis",
    async send({ target, authorName, text }): Promise<ChatRelayOutcome> {
      const { redisHost, redisPort, redisChannel } = target
      if (!redisHost || !redisPort || !redisChannel) return { status: "RELAY_DOWN", receivers: null, reason: "the live has no slot redis" }
      const started = Date.now()
      const redis = connectionTo(redisHost, redisPort, options.timeoutMs)
      if (!(await isReady(redis, options.timeoutMs))) return { status: "RELAY_DOWN", receivers: null, reason: `redis ${redisHost}:${redisPort} unreachable` }
      try {
        const receivers = await withTimeout(redis.publish(redisChannel, authorName === null ? text.replace(/[\r\n]+/g, " ") : redisChatLine(authorName, text)), Math.max(100, options.timeoutMs - (Date.now() - started)))
        if (receivers === "timeout") return { status: "RELAY_DOWN", receivers: null, reason: `redis ${redisHost}:${redisPort} did not answer in time` }
        return receivers > 0 ? { status: "DELIVERED", receivers } : { status: "NO_LISTENER", receivers: 0, reason: `nobody subscribed to ${redisChannel}` }
      } catch (error) {
        return { status: "RELAY_DOWN", receivers: null, reason: (error as Error).message }
      }
    },
  }
}

/** Closes every slot redis connection (tests, shutdown). */
export async function closeRedisChatRelays(): Promise<void> {
  const all = [...connections.values()]
  connections.clear()
  await Promise.all(all.map((redis) => redis.quit().catch(() => redis.disconnect())))
}
