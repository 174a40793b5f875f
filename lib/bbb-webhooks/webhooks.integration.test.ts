// bbb-webhooks end to end with the simulator: our hook is registered (idempotently), the simulator
// POSTs signed callbacks on session events, a valid one triggers a meeting refresh, and a callback
// with a wrong checksum is refused and changes nothing, and a replayed one is ignored.
import { randomUUID } from "node:crypto"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

import { parseEnv } from "@/lib/config/env"
import { webhookServersSettingSchema } from "@/lib/config/webhook-servers-setting"
import { AppError } from "@/lib/errors"
import { meetingsRefreshKey } from "@/lib/meetings/request-meetings-refresh"
import { closeQueues, getQueue, QUEUES } from "@/lib/queues"
import { createRedis, getProducerRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"
import { startBbbSimulator, type BbbSimulator } from "@/tools/bbb-simulator/server"

import { handleWebhookCallback, WEBHOOK_REFRESH_DEBOUNCE_MS } from "./handle-webhook-callback"
import { registerWebhooks } from "./register-webhooks"
import { webhookChecksum } from "./verify-webhook-checksum"

const SECRET = "webhooks-secret"
let sim: BbbSimulator
let receiver: Server
let callbackUrl: string
const received: ({ events: string[]; refreshed: boolean } | { code: string })[] = []
const redis = createRedis("worker")
const servers = () => [{ url: `${sim.url}/`, secret: SECRET }]
const webhookJobs = async () => (await getQueue(QUEUES.meetingsSync).getJobs(["waiting", "delayed", "active", "completed"])).filter((j) => j.id?.startsWith("refresh-webhook-") || j.id?.startsWith("refresh-meeting-"))

beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: SECRET })
  // Stands in for the app's route: the raw body and the checksum of the URL go to the use case.
  receiver = createServer((req, res) => {
    let rawBody = ""
    req.setEncoding("utf8")
    req.on("data", (c: string) => (rawBody += c))
    req.on("end", () => {
      const checksum = new URL(req.url ?? "/", "http://x").searchParams.get("checksum")
      handleWebhookCallback({ checksum, rawBody, servers: servers(), callbackUrl }).then(
        (result) => (received.push(result), res.writeHead(200).end()),
        (error: AppError) => (received.push({ code: error.code }), res.writeHead(401).end()),
      )
    })
  })
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
  callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/bbb/webhooks`
})

beforeEach(async () => {
  received.length = 0
  await redis.del(meetingsRefreshKey("webhook"))
})

afterAll(async () => {
  await sim.close()
  await new Promise((r) => receiver.close(r))
  await closeQueues()
  getProducerRedis().disconnect()
  redis.disconnect()
})

describe("bbb-webhooks", () => {
  it("registers our hook once on each server, however often it runs", async () => {
    const first = await registerWebhooks({ servers: servers(), callbackUrl })
    expect(first).toEqual([{ server: new URL(sim.url).host, ok: true, hookId: "1" }])
    expect((await registerWebhooks({ servers: servers(), callbackUrl }))[0]).toMatchObject({ ok: true, hookId: "1" })
    expect(sim.webhooks.hooks()).toEqual([{ hookID: "1", callbackURL: callbackUrl }])
  })

  it("says why a registration failed (wrong secret, server down)", async () => {
    const results = await registerWebhooks({ servers: [{ url: `${sim.url}/`, secret: "wrong" }, { url: "http://127.0.0.1:9/", secret: "x" }], callbackUrl, timeoutMs: 2_000 })
    expect(results[0]).toEqual({ server: new URL(sim.url).host, ok: false, error: "FAILED checksumError" })
    expect(results[1]).toMatchObject({ server: "127.0.0.1:9", ok: false })
  })

  it("turns a session created in BBB into a targeted refresh of that session at once", async () => {
    await registerWebhooks({ servers: servers(), callbackUrl })
    const before = await webhookJobs()
    sim.state.createMeeting({ meetingID: "hook-1", name: "Cours par webhook" })
    await sim.webhooks.settled()
    expect(received).toEqual([{ events: ["meeting-created"], refreshed: true }])
    const added = (await webhookJobs()).filter((j) => !before.some((b) => b.id === j.id))
    expect(added.map((j) => j.data)).toEqual([{ reason: "webhook", meetingID: "hook-1" }])
    // Someone joins, the session ends: each event is verified and read (within the debounce window
    // they share one refresh, so only the events are asserted here).
    sim.state.addAttendee("hook-1", { fullName: "Prof Hook", role: "MODERATOR" })
    sim.state.endMeeting("hook-1")
    await sim.webhooks.settled()
    const later = received.slice(1).map((r) => ("events" in r ? r.events.join() : r.code))
    expect(later.sort()).toEqual(["meeting-ended", "user-joined"])
    expect(sim.webhooks.failed()).toBe(0)
  })

  it("refuses a callback with a wrong checksum, and nothing changes", async () => {
    // unique body: a signed body seen within the replay window is ignored
    const body = `event=${encodeURIComponent(JSON.stringify([{ data: { type: "event", id: "meeting-created", attributes: { meeting: { "internal-meeting-id": randomUUID() } } } }]))}`
    const before = (await webhookJobs()).length
    const forged = webhookChecksum({ callbackUrl, rawBody: body, secret: "not-the-secret" })
    await expect(handleWebhookCallback({ checksum: forged, rawBody: body, servers: servers(), callbackUrl })).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
    const signedOther = webhookChecksum({ callbackUrl, rawBody: "event=[]", secret: SECRET })
    await expect(handleWebhookCallback({ checksum: signedOther, rawBody: body, servers: servers(), callbackUrl })).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
    await expect(handleWebhookCallback({ checksum: null, rawBody: body, servers: servers(), callbackUrl })).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
    expect(await redis.exists(meetingsRefreshKey("webhook"))).toBe(0)
    expect((await webhookJobs()).length).toBe(before)
    // The right checksum over the same body is accepted.
    const good = webhookChecksum({ callbackUrl, rawBody: body, secret: SECRET })
    await expect(handleWebhookCallback({ checksum: good, rawBody: body, servers: servers(), callbackUrl })).resolves.toEqual({ events: ["meeting-created"], refreshed: true })
  })

  it("a replayed meeting-ended (the same signed request again) is answered as handled and changes nothing", async () => {
    const meetingID = `hook-replay-${randomUUID()}`
    const rawBody = `event=${encodeURIComponent(JSON.stringify([{ data: { type: "event", id: "meeting-ended", attributes: { meeting: { "internal-meeting-id": randomUUID(), "external-meeting-id": meetingID } } } }]))}&timestamp=${Date.now()}`
    const checksum = webhookChecksum({ callbackUrl, rawBody, secret: SECRET })
    const jobsOf = async () => (await webhookJobs()).filter((j) => (j.data as { meetingID?: string }).meetingID === meetingID).map((j) => j.id)
    await expect(handleWebhookCallback({ checksum, rawBody, servers: servers(), callbackUrl })).resolves.toEqual({ events: ["meeting-ended"], refreshed: true })
    const first = await jobsOf()
    expect(first).toHaveLength(1)
    // past the refresh window, so that an accepted replay would add a second job
    await new Promise((resolve) => setTimeout(resolve, 2 * WEBHOOK_REFRESH_DEBOUNCE_MS))
    const replay = { checksum: checksum.toUpperCase(), rawBody, servers: servers(), callbackUrl }
    await expect(handleWebhookCallback(replay)).resolves.toEqual({ events: [], refreshed: false, replay: true })
    await expect(handleWebhookCallback({ ...replay, checksum })).resolves.toEqual({ events: [], refreshed: false, replay: true })
    expect(await jobsOf()).toEqual(first)
    expect(await redis.ttl(redisKey("bbb-webhooks", "seen", checksum))).toBeGreaterThan(0)
  })

  it("a signed callback that could not be handled is not remembered: bbb-webhooks' retry is acted on", async () => {
    const rawBody = `event=${encodeURIComponent(`not-json-${randomUUID()}`)}`
    const checksum = webhookChecksum({ callbackUrl, rawBody, secret: SECRET })
    await expect(handleWebhookCallback({ checksum, rawBody, servers: servers(), callbackUrl })).rejects.toMatchObject({ code: "INVALID_INPUT" })
    await expect(handleWebhookCallback({ checksum, rawBody, servers: servers(), callbackUrl })).rejects.toMatchObject({ code: "INVALID_INPUT" })
    expect(await redis.exists(redisKey("bbb-webhooks", "seen", checksum))).toBe(0)
  })

  it("refuses a signed body without events, and answers not found when webhooks are off", async () => {
    const rawBody = "event=not-json"
    const checksum = webhookChecksum({ callbackUrl, rawBody, secret: SECRET })
    await expect(handleWebhookCallback({ checksum, rawBody, servers: servers(), callbackUrl })).rejects.toMatchObject({ code: "INVALID_INPUT" })
    await expect(handleWebhookCallback({ checksum, rawBody, servers: [], callbackUrl })).rejects.toMatchObject({ code: "NOT_FOUND" })
  })
})

describe("BBB_WEBHOOKS_SERVERS", () => {
  it("reads url|secret entries and names a bad one", () => {
    expect(webhookServersSettingSchema.parse(" https://bbb1.example.org/|s1 , https://bbb2.example.org/|s2")).toEqual([
      { url: "https://bbb1.example.org/", secret: "s1" },
      { url: "https://bbb2.example.org/", secret: "s2" },
    ])
    expect(webhookServersSettingSchema.parse("")).toEqual([])
    const base = { DATABASE_URL: "postgresql://x/y", AUTH_SECRET: "x".repeat(32), BBB_SERVER_URL: "https://bbb.example.org/", BBB_SECRET_KEY: "s" }
    expect(() => parseEnv({ ...base, BBB_WEBHOOKS_SERVERS: "https://bbb1.example.org/" })).toThrow(/BBB_WEBHOOKS_SERVERS: each entry must be <BBB server URL>\|<its secret>/)
    expect(() => parseEnv({ ...base, BBB_WEBHOOKS_SERVERS: "ftp://bbb1|s" })).toThrow(/BBB_WEBHOOKS_SERVERS/)
  })
})
