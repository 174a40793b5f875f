// /api/metrics' content and access rules, with real PostgreSQL and Redis and the simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { withCallMetrics } from "@/lib/bbb/get-bbb-client"
import { createBbbClient } from "@/lib/bbb/client"
import { runMeetingsSync } from "@/lib/meetings/run-meetings-sync"
import { closeQueues } from "@/lib/queues"
import { createRedis, getProducerRedis } from "@/lib/redis"
import { seedMeeting } from "@/prisma/seed/factories"
import { startBbbSimulator, type BbbSimulator } from "@/tools/bbb-simulator/server"

import { authorizeMetrics } from "./is-metrics-token-valid"
import { renderMetrics } from "./render-metrics"

let sim: BbbSimulator
const redis = createRedis("worker")

beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: "metrics-secret" })
})
afterAll(async () => {
  await sim.close()
  await closeQueues()
  getProducerRedis().disconnect()
  redis.disconnect()
})

describe("metrics access", () => {
  it("does not exist without METRICS_TOKEN, refuses a missing or wrong token, allows the right one", () => {
    expect(authorizeMetrics("Bearer anything-anything-anything", undefined)).toBe("disabled")
    expect(authorizeMetrics(null, "the-right-token-0123")).toBe("refused")
    expect(authorizeMetrics("Bearer the-wrong-token-012", "the-right-token-0123")).toBe("refused")
    expect(authorizeMetrics("Basic the-right-token-0123", "the-right-token-0123")).toBe("refused")
    expect(authorizeMetrics("Bearer the-right-token-0123", "the-right-token-0123")).toBe("allowed")
  })
})

describe("renderMetrics", () => {
  it("exposes running sessions, matches, lives, queues, sync outcomes and BBB call latency", async () => {
    await seedMeeting({ name: "Métriques" })
    // A BBB call that fails (wrong secret) and one that works, through the timed client.
    const wrong = withCallMetrics(createBbbClient({ serverUrl: sim.url, secret: "not-the-secret", checksumAlgorithm: "sha1", timeoutMs: 2_000 }))
    await expect(wrong.getMeetingChunks()).rejects.toThrow()
    const right = withCallMetrics(createBbbClient({ serverUrl: sim.url, secret: "metrics-secret", checksumAlgorithm: "sha1", timeoutMs: 2_000 }))
    await right.getVersion()
    // A sync that fails because BBB does not answer (the shared test database is never synced for real).
    const down = withCallMetrics(createBbbClient({ serverUrl: "http://127.0.0.1:9/", secret: "x", checksumAlgorithm: "sha1", timeoutMs: 1_000 }))
    await expect(runMeetingsSync({ source: down, redis, incidentKey: `metrics-incident-${Date.now()}` })).rejects.toThrow()

    const { contentType, body } = await renderMetrics()
    expect(contentType).toContain("text/plain")
    expect(Number(/^bbb_pod_live_meetings_running (\d+)$/m.exec(body)?.[1])).toBeGreaterThanOrEqual(1)
    expect(body).toMatch(/^bbb_pod_live_attendees_running \d+$/m)
    expect(body).toContain("# TYPE bbb_pod_live_moderator_matches gauge")
    expect(body).toContain("# TYPE bbb_pod_live_lives gauge")
    expect(body).toMatch(/^bbb_pod_live_queue_jobs\{queue="meetings-sync",state="waiting"\} \d+$/m)
    expect(body).toMatch(/^bbb_pod_live_redis_up 1$/m)
    expect(body).toMatch(/^bbb_pod_live_meetings_syncs_total\{outcome="bbb_unavailable"\} [1-9]\d*$/m)
    expect(body).toMatch(/^bbb_pod_live_meetings_sync_duration_seconds_count\{outcome="bbb_unavailable"\} [1-9]\d*$/m)
    expect(body).toMatch(/^bbb_pod_live_bbb_call_duration_seconds_count\{call="getMeetings",outcome="failed"\} [1-9]\d*$/m)
    expect(body).toMatch(/^bbb_pod_live_bbb_call_duration_seconds_count\{call="api",outcome="success"\} 1$/m)
    expect(body).toMatch(/^bbb_pod_live_bbb_call_duration_seconds_count\{call="getMeetings",outcome="network"\} [1-9]\d*$/m)
  })
})
