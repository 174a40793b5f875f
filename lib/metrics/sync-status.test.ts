import { describe, expect, it } from "vitest"

import { syncModeOf } from "./sync-status"

describe("syncModeOf: the full sync's interval", () => {
  const env = {
    BBB_WEBHOOKS_SERVERS: [{ url: "https://bbb.example.org/", secret: "s" }],
    BBB_WEBHOOKS_REGISTER_MS: 300_000,
    MEETINGS_SYNC_INTERVAL_MS: 10_000,
    MEETINGS_FULL_SYNC_INTERVAL_MS: 60_000,
  }
  const now = 1_000_000_000

  it("is the safety-net interval while every server took our hook recently", () => {
    expect(syncModeOf(env, { ok: true, at: now - 400_000, servers: 1 }, now)).toEqual({ mode: "webhooks", intervalMs: 60_000 })
  })

  it("polls without webhooks, after a failed or stale registration, and never less often than asked", () => {
    expect(syncModeOf({ ...env, BBB_WEBHOOKS_SERVERS: [] }, { ok: true, at: now, servers: 1 }, now)).toEqual({ mode: "poll", intervalMs: 10_000 })
    expect(syncModeOf(env, null, now).mode).toBe("poll")
    expect(syncModeOf(env, { ok: false, at: now, servers: 2 }, now).mode).toBe("poll")
    expect(syncModeOf(env, { ok: true, at: now - 600_001, servers: 1 }, now).mode).toBe("poll")
    expect(syncModeOf({ ...env, MEETINGS_FULL_SYNC_INTERVAL_MS: 5_000 }, { ok: true, at: now, servers: 1 }, now).intervalMs).toBe(10_000)
  })
})
