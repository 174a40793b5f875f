// Each state of the health report, with real PostgreSQL and Redis (and closed ports for "down").
import { execFile } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"

import { afterAll, describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { recordSyncOutcome } from "@/lib/metrics/sync-status"
import { closeQueues } from "@/lib/queues"
import { createRedis, getProducerRedis } from "@/lib/redis"
import { lastBbbCallKey, lastSyncKey } from "@/lib/metrics/sync-status"

import { getServiceHealth } from "./get-service-health"

const root = path.resolve(import.meta.dirname, "../..")
const run = promisify(execFile)
const CLOSED = "127.0.0.1:9"

const redis = createRedis("worker")

afterAll(async () => {
  await closeQueues()
  getProducerRedis().disconnect()
  redis.disconnect()
})

async function workerHealth(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "workers/main.ts", "--health"], { cwd: root, env: { ...process.env, LOG_LEVEL: "silent" }, timeout: 60_000 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe("service health", () => {
  it("is degraded while no successful sync is known, and the worker's --health exits 1", async () => {
    await redis.del(lastSyncKey(), lastBbbCallKey())
    const health = await getServiceHealth()
    expect(health).toMatchObject({ status: "degraded", ready: true, lastSync: null, bbb: null, problems: ["no successful meeting sync is known"] })
    const cli = await workerHealth()
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain("bbb-pod-live: degraded: no successful meeting sync is known")
  })

  it("is ok after a fresh successful sync, with queue counts, and the worker's --health exits 0", async () => {
    await recordSyncOutcome(redis, { ok: true, ms: 12, meetings: 3 })
    const health = await getServiceHealth()
    expect(health.status).toBe("ok")
    expect(health.problems).toEqual([])
    expect(health.postgresql).toEqual({ ok: true })
    expect(health.redis).toEqual({ ok: true })
    expect(health.bbb).toMatchObject({ ok: true })
    expect(health.lastSync).toMatchObject({ meetings: 3, ms: 12 })
    expect(health.queues?.["meetings-sync"]).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 })
    const cli = await workerHealth()
    expect(cli.code).toBe(0)
    expect(JSON.parse(cli.stdout)).toMatchObject({ status: "ok", ready: true })
  })

  it("is degraded when the last successful sync is older than three intervals", async () => {
    await recordSyncOutcome(redis, { ok: true, ms: 12, meetings: 3 })
    const interval = getEnv().MEETINGS_SYNC_INTERVAL_MS
    const health = await getServiceHealth({ now: Date.now() + 3 * interval + 5_000 })
    expect(health.status).toBe("degraded")
    expect(health.problems[0]).toMatch(/^the last successful meeting sync is \d+ s old$/)
  })

  it("is degraded when BigBlueButton's last answer failed", async () => {
    await recordSyncOutcome(redis, { ok: false, error: "cannot reach bbb.example.org: ECONNREFUSED" })
    const health = await getServiceHealth()
    expect(health.status).toBe("degraded")
    expect(health.bbb).toMatchObject({ ok: false, error: "cannot reach bbb.example.org: ECONNREFUSED" })
    expect(health.problems).toContain("BigBlueButton's last answer failed: cannot reach bbb.example.org: ECONNREFUSED")
  })

  it("is down (not ready) when Redis does not answer", async () => {
    const health = await getServiceHealth({ env: { ...getEnv(), REDIS_URL: `redis://${CLOSED}` } })
    expect(health).toMatchObject({ status: "down", ready: false, queues: null, bbb: null })
    expect(health.redis).toMatchObject({ ok: false, message: expect.stringContaining(`Redis does not answer at ${CLOSED}`) })
  })

  it("is down (not ready) when PostgreSQL does not answer", async () => {
    const health = await getServiceHealth({ env: { ...getEnv(), DATABASE_URL: `postgresql://postgres@${CLOSED}/x` } })
    expect(health).toMatchObject({ status: "down", ready: false })
    expect(health.postgresql).toMatchObject({ ok: false, message: expect.stringContaining(`PostgreSQL does not answer at ${CLOSED}`) })
  })
})
