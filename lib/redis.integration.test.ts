// Subscriber connections keep a subscription made at any moment of their connection (real Redis): a
// live page may open while the feed's connection is still opening, or reopening after an outage.
import type { Redis } from "ioredis"
import { afterEach, expect, it } from "vitest"

import { createRedis, createSubscriberRedis } from "./redis"
import { redisChannel } from "@/lib/redis-keys"

const opened: Redis[] = []
afterEach(() => {
  for (const r of opened.splice(0)) r.disconnect()
})

it("keeps a subscription sent while the connection is being established (the socket up, not yet ready)", async () => {
  const channel = redisChannel("test", "subscribe-while-connecting", Math.random())
  const subscriber = createSubscriberRedis()
  const publisher = createRedis("worker")
  opened.push(subscriber, publisher)
  const received: string[] = []
  subscriber.on("message", (_channel: string, text: string) => received.push(text))
  // The moment that lost the subscription with ioredis's ready check: right after the socket connects.
  await new Promise<void>((resolve) => subscriber.once("connect", () => resolve(void subscriber.subscribe(channel))))
  await expect.poll(async () => (await publisher.publish(channel, "hello"), received.length), { timeout: 5_000 }).toBeGreaterThan(0)
  expect(received[0]).toBe("hello")
  expect(subscriber.status).toBe("ready")
})
