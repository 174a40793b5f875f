// The scheduler's tick runs the full sync only once per MEETINGS_FULL_SYNC_INTERVAL_MS while
// bbb-webhooks are registered and healthy, and at every tick otherwise.
import { Redis } from "ioredis"
import { afterAll, afterEach, describe, expect, it } from "vitest"

import { resetEnvCache } from "@/lib/config/env"
import { recordWebhooksRegistration, webhooksRegistrationKey } from "@/lib/metrics/sync-status"
import { closeQueues } from "@/lib/queues"
import { getProducerRedis } from "@/lib/redis"

import { runScheduledMeetingsSync } from "./run-meetings-sync"
import { xmlSource } from "./testing/meetings-xml"

const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null })
afterEach(async () => {
  delete process.env.BBB_WEBHOOKS_SERVERS
  resetEnvCache()
  await redis.del(webhooksRegistrationKey())
})
afterAll(async () => {
  await closeQueues()
  getProducerRedis().disconnect()
  redis.disconnect()
})

describe("runScheduledMeetingsSync", () => {
  const source = xmlSource(() => [])

  it("skips the ticks between two full syncs while the hooks are healthy, and polls again when they are not", async () => {
    Object.assign(process.env, { BBB_WEBHOOKS_SERVERS: "https://bbb.example.org/|secret", MEETINGS_SYNC_INTERVAL_MS: "10000", MEETINGS_FULL_SYNC_INTERVAL_MS: "60000" })
    resetEnvCache()
    await recordWebhooksRegistration(redis, { ok: true, at: Date.now(), servers: 1 })
    expect(await runScheduledMeetingsSync({ source, redis })).toMatchObject({ skipped: false }) // no full sync known yet
    expect(await runScheduledMeetingsSync({ source, redis })).toEqual({ skipped: true, reason: "full sync not due" })
    expect(await runScheduledMeetingsSync({ source, redis, now: Date.now() + 56_000 })).toMatchObject({ skipped: false })

    await recordWebhooksRegistration(redis, { ok: false, at: Date.now(), servers: 1 }) // a server refused the hook
    expect(await runScheduledMeetingsSync({ source, redis })).toMatchObject({ skipped: false })
  })

  it("runs at every tick without webhooks", async () => {
    await recordWebhooksRegistration(redis, { ok: true, at: Date.now(), servers: 1 })
    expect(await runScheduledMeetingsSync({ source, redis })).toMatchObject({ skipped: false })
    expect(await runScheduledMeetingsSync({ source, redis })).toMatchObject({ skipped: false })
  })
})
