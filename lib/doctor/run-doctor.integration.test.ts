// `npm run doctor` against a small real installation: the BBB simulator, a real nginx-rtmp, a real
// streamer agent process (two slots), an OpenID provider's discovery document, PostgreSQL and Redis.
// Healthy, everything passes; a wrong BBB secret, an unreachable RTMP server and a stopped agent each
// fail with the right check and its fix; no secret of the settings is ever printed.
import { execFile, spawn, type ChildProcess } from "node:child_process"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { promisify } from "node:util"

import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("doctor")
})

import { registerWebhooks } from "@/lib/bbb-webhooks/register-webhooks"
import { parseEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { installationMarkerKey } from "@/lib/health/installation-marker"
import { startTestRtmp } from "@/lib/streamers/testing/pipeline"
import { startBbbSimulator, type BbbSimulator } from "@/tools/bbb-simulator/server"
import { freePort } from "@/tools/rtmp/server"

import { checkRedis } from "./check-redis"
import type { DoctorCheck } from "./doctor-check"
import { formatDoctorReport } from "./format-doctor-report"
import { redactSecrets, secretValues } from "./redact-secrets"
import { runDoctor } from "./run-doctor"

const root = path.resolve(import.meta.dirname, "../..")
const SECRETS = {
  AUTH_SECRET: "doctor-auth-secret-never-printed-0123456789",
  METRICS_TOKEN: "doctor-metrics-token-never-printed",
  OIDC_CLIENT_SECRET: "doctor-oidc-client-secret-never-printed",
  BBB_ATTENDEE_PASSWORD: "doctor-attendee-password-never-printed",
}
const BBB_SECRET = "doctor-bbb-secret-never-printed"

let bbb: BbbSimulator
let rtmp: Awaited<ReturnType<typeof startTestRtmp>>
let oidc: Server
let agent: ChildProcess | null = null
let baseDir: string
let settings: NodeJS.ProcessEnv

function startAgentProcess(): void {
  agent = spawn(process.execPath, ["--import", "tsx", "workers/agent.ts"], {
    cwd: root,
    env: { ...settings, LOG_LEVEL: "silent", STREAMER_DRIVER: "ffmpeg", STREAMER_BASE_DIR: baseDir, NUMBER_SERVERS: "1", SERVER_NUMBER: "1", NUMBER_LIVES: "2" },
    stdio: "ignore",
  })
}

async function stopAgent(): Promise<void> {
  if (!agent || agent.exitCode !== null || agent.signalCode !== null) return
  const exited = new Promise((resolve) => agent!.once("exit", resolve))
  agent.kill("SIGKILL")
  await exited
}

/** Slots whose agent stamped them within three ticks (AGENT_TICK_MS=500). */
const aliveSlots = () => db.streamerSlot.count({ where: { serverNumber: 1, agentSeenAt: { gt: new Date(Date.now() - 1_500) } } })
const byName = (checks: DoctorCheck[], name: string) => checks.find((c) => c.check === name)
const failures = (checks: DoctorCheck[]) => checks.filter((c) => c.status === "FAIL").map((c) => c.check)

function expectNoSecret(text: string): void {
  for (const secret of [...Object.values(SECRETS), BBB_SECRET, "wrong-secret-never-printed"]) expect(text).not.toContain(secret)
}

beforeAll(async () => {
  baseDir = await mkdtemp(path.join(os.tmpdir(), "bbb-doctor-"))
  bbb = await startBbbSimulator({ port: 0, secret: BBB_SECRET, bbbVersion: "3.0.4" })
  rtmp = await startTestRtmp()
  oidc = createServer((req, res) => {
    const issuer = `http://127.0.0.1:${(oidc.address() as AddressInfo).port}`
    res.setHeader("content-type", "application/json")
    res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/authorize` }))
  })
  await new Promise<void>((resolve) => oidc.listen(0, "127.0.0.1", resolve))
  settings = {
    ...process.env,
    ...SECRETS,
    BBB_SERVER_URL: bbb.url,
    BBB_SECRET_KEY: BBB_SECRET,
    BBB_STREAM_URL: rtmp.rtmpBase,
    POD_HLS_STREAM: rtmp.hlsBase,
    NUMBER_SERVERS: "1",
    AGENT_TICK_MS: "500",
    BBB_WEBHOOKS_SERVERS: `${bbb.url}|${BBB_SECRET}`,
    OIDC_ISSUER: `http://127.0.0.1:${(oidc.address() as AddressInfo).port}`,
    OIDC_CLIENT_ID: "bbb-pod-live",
  }
  // What the worker does every BBB_WEBHOOKS_REGISTER_MS.
  await registerWebhooks({ servers: [{ url: bbb.url, secret: BBB_SECRET }], callbackUrl: new URL("/api/bbb/webhooks", settings.APP_URL).toString() })
  startAgentProcess()
  await vi.waitFor(async () => expect(await aliveSlots()).toBe(2), { timeout: 30_000, interval: 200 })
}, 60_000)

afterAll(async () => {
  await stopAgent()
  await Promise.allSettled([bbb?.close(), rtmp?.close(), new Promise((resolve) => oidc?.close(resolve))])
  await rm(baseDir, { recursive: true, force: true })
  await rm(rtmp?.dir ?? "", { recursive: true, force: true })
}, 30_000)

describe("npm run doctor", () => {
  it("passes every check of a healthy installation, and prints no secret", async () => {
    const report = await runDoctor(settings)
    const table = formatDoctorReport(report)
    expect(failures(report.checks), table).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.checks.map((c) => [c.check, c.status])).toEqual([
      ["Settings", "PASS"],
      ["PostgreSQL and migrations", "PASS"],
      ["Redis and its namespace", "PASS"],
      ["BBB / Scalelite API", "PASS"],
      ["BBB checksum (getMeetings)", "PASS"],
      ["Chat relay", "PASS"],
      [`bbb-webhooks on ${new URL(bbb.url).host}`, "PASS"],
      ["RTMP publish → HLS", "PASS"],
      ["Streamer agent 1", "PASS"],
      ["SMTP", "SKIP"],
      ["OpenID Connect discovery", "PASS"],
    ])
    expect(byName(report.checks, "Chat relay")?.detail).toContain("sendChatMessage (BigBlueButton 3.0.4)")
    expect(byName(report.checks, "Streamer agent 1")?.detail).toContain("2 slot(s) enabled of 2")
    expectNoSecret(table)
  }, 30_000)

  it("fails on a wrong BBB secret, with the fix", async () => {
    const report = await runDoctor({ ...settings, BBB_SECRET_KEY: "wrong-secret-never-printed" })
    expect(failures(report.checks)).toEqual(["BBB checksum (getMeetings)"])
    expect(byName(report.checks, "BBB checksum (getMeetings)")).toMatchObject({ detail: expect.stringContaining("checksumError"), fix: expect.stringContaining("BBB_SECRET_KEY") })
    expectNoSecret(formatDoctorReport(report))
  }, 30_000)

  it("fails on an unreachable RTMP server, with the fix (the script exits 1 and prints the table)", async () => {
    const closed = `rtmp://127.0.0.1:${await freePort()}/live/`
    const { stdout, code } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/doctor.ts"], { cwd: root, env: { ...settings, BBB_STREAM_URL: closed } }).then(
      (r) => ({ stdout: r.stdout, code: 0 }),
      (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
    )
    expect(code).toBe(1)
    const failed = stdout.split("\n").filter((line) => / FAIL /.test(line))
    expect(failed, stdout).toHaveLength(1)
    expect(failed[0]).toMatch(/^RTMP publish → HLS\s+FAIL\s+the RTMP server at 127\.0\.0\.1:\d+ did not take the publish/)
    expect(stdout).toContain("fix: start the HLS origin's nginx-rtmp")
    expect(stdout).toMatch(/11 checks: 9 PASS, 1 FAIL, 1 SKIP/)
    expectNoSecret(stdout)
  }, 30_000)

  it("fails on a stopped agent, with the fix", async () => {
    await stopAgent()
    await vi.waitFor(async () => expect(await aliveSlots()).toBe(0), { timeout: 10_000, interval: 200 }) // 3 ticks without a heartbeat
    const report = await runDoctor(settings, { rtmp: { publishSeconds: 1 } })
    expect(failures(report.checks)).toEqual(["Streamer agent 1"])
    expect(byName(report.checks, "Streamer agent 1")).toMatchObject({
      detail: expect.stringMatching(/^no heartbeat since \d+ s ago; 2 slot\(s\) enabled of 2, 0 busy: its slots take no live$/),
      fix: expect.stringContaining("SERVER_NUMBER=1"),
    })
  }, 30_000)

  it("fails when the Redis namespace is marked by another installation's database", async () => {
    const env = parseEnv(settings)
    const key = installationMarkerKey(env)
    const redis = new Redis(env.REDIS_URL)
    const ours = await redis.get(key)
    expect(ours).toMatch(/^\d+\/bbb_pod_live_test\w*_doctor$/) // written by the first run
    await redis.set(key, "123/other_installation")
    try {
      expect(await checkRedis(env)).toMatchObject({
        status: "FAIL",
        detail: expect.stringContaining("belongs to another installation (its database: 123/other_installation"),
        fix: expect.stringContaining("REDIS_PREFIX of its own"),
      })
    } finally {
      await redis.set(key, ours!)
      redis.disconnect()
    }
  })

  it("redacts secrets from URLs, secret settings and webhook entries", () => {
    const secrets = secretValues({
      DATABASE_URL: "postgresql://app:p%40ss-word@db/x",
      SMTP_URL: "smtp://mailer:smtp-pass@mail:587",
      BBB_WEBHOOKS_SERVERS: "https://bbb1/|hook-secret-1, https://bbb2/|hook-secret-2",
      SOME_API_TOKEN: "tok-123",
      BBB_SERVER_URL: "https://bbb.example.org/",
    })
    const text = "p%40ss-word p@ss-word smtp-pass hook-secret-1 hook-secret-2 tok-123 https://bbb.example.org/"
    expect(redactSecrets(text, secrets)).toBe("*** *** *** *** *** *** https://bbb.example.org/")
  })
})
