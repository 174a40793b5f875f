// The room's chat on the live page and the on-air notice, end to end with the BBB simulator (BBB 3.0:
// sendChatMessage, and bbb-webhooks' chat-group-message-sent, signed as BBB signs it): a message typed
// in the room reaches the page once, as text; a page message relayed into the room and the on-air
// notice come back as events but are not shown twice; a flood from the room is cut per second.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { handleWebhookCallback, type WebhookCallbackResult } from "@/lib/bbb-webhooks/handle-webhook-callback"
import { registerWebhooks } from "@/lib/bbb-webhooks/register-webhooks"
import { resetEnvCache } from "@/lib/config/env"
import { db } from "@/lib/db"
import { liveChannel, type LiveEvent } from "@/lib/events/live-feed"
import { redisKey } from "@/lib/redis-keys"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"
import { startBbbSimulator, type BbbSimulator } from "@/tools/bbb-simulator/server"

import { listChatMessages } from "./list-chat-messages"
import { postLiveNotice } from "./post-live-notice"
import { sendChatMessage } from "./send-chat-message"

const SECRET = "room-chat-secret"
const SETTINGS = ["CHAT_RELAY", "BBB_SERVER_URL", "BBB_SECRET_KEY", "BBB_WEBHOOKS_SERVERS", "ROOM_CHAT_MAX_PER_SECOND", "APP_URL"] as const
const saved = Object.fromEntries(SETTINGS.map((k) => [k, process.env[k]]))
let sim: BbbSimulator
let receiver: Server
let callbackUrl: string
const results: WebhookCallbackResult[] = []
const redis = new Redis(process.env.REDIS_URL!)
const feed = new Redis(process.env.REDIS_URL!)

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 20))
}

beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: SECRET, bbbVersion: "3.0.4" })
  Object.assign(process.env, { CHAT_RELAY: "bbb-api", BBB_SERVER_URL: sim.url, BBB_SECRET_KEY: SECRET, BBB_WEBHOOKS_SERVERS: `${sim.url}/|${SECRET}`, ROOM_CHAT_MAX_PER_SECOND: "10", APP_URL: "https://live.example.org" })
  resetEnvCache()
  const stale = await redis.keys(redisKey("chat", "*"))
  if (stale.length > 0) await redis.del(...stale)
  receiver = createServer((req, res) => {
    let rawBody = ""
    req.setEncoding("utf8")
    req.on("data", (c: string) => (rawBody += c))
    req.on("end", () => {
      const checksum = new URL(req.url ?? "/", "http://x").searchParams.get("checksum")
      handleWebhookCallback({ checksum, rawBody, callbackUrl }).then(
        (result) => (results.push(result), res.writeHead(200).end()),
        () => res.writeHead(500).end(),
      )
    })
  })
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
  callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/bbb/webhooks`
  await registerWebhooks({ callbackUrl })
})

afterAll(async () => {
  for (const key of SETTINGS) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
  resetEnvCache()
  await sim.close()
  await new Promise((r) => receiver.close(r))
  redis.disconnect()
  feed.disconnect()
})

async function runningLive() {
  const seeded = await seedViewableLive()
  sim.state.createMeeting({ meetingID: seeded.meeting.meetingId, name: seeded.meeting.name, running: true })
  await sim.webhooks.settled()
  const events: LiveEvent[] = []
  feed.on("message", (channel: string, text: string) => {
    if (channel === liveChannel(seeded.live.id)) events.push(JSON.parse(text) as LiveEvent)
  })
  await feed.subscribe(liveChannel(seeded.live.id))
  return { ...seeded, events }
}

describe("the room's chat on the live page", () => {
  it("shows a room message once, as text with its author; a page message relayed into the room is not echoed back", async () => {
    const { live, meeting, broadcaster, events } = await runningLive()
    results.length = 0
    sim.state.postChatMessage({ meetingID: meeting.meetingId, userName: "Prof Dupont", message: "  <b>Bonjour</b>\nà tous " })
    await sim.webhooks.settled()
    await until(() => events.some((e) => e.type === "chat"))
    expect(results.map((r) => r.roomChat)).toEqual([["shown"]])
    expect(events).toMatchObject([{ type: "chat", message: { authorName: "Prof Dupont", body: "<b>Bonjour</b> à tous", fromRoom: true } }])
    expect(await listChatMessages({ liveId: live.id, viewerId: null })).toMatchObject([{ authorName: "Prof Dupont", body: "<b>Bonjour</b> à tous", fromRoom: true }])

    const student = await seedUser({ firstName: "Zoé", lastName: "Martin" })
    await sendChatMessage({ slug: broadcaster.slug, body: "Une question" }, student)
    await sim.webhooks.settled()
    await until(() => results.length >= 2)
    expect(results.at(-1)?.roomChat).toEqual(["echo"])
    expect(sim.state.listChatMessages(meeting.meetingId).map((m) => m.message)).toEqual(["  <b>Bonjour</b>\nà tous ", "Une question"])
    // the same words typed by someone in the room are theirs: shown
    sim.state.postChatMessage({ meetingID: meeting.meetingId, userName: "Ana", message: "Une question" })
    await sim.webhooks.settled()
    await until(() => results.length >= 3)
    expect(results.at(-1)?.roomChat).toEqual(["shown"])
    const rows = await db.chatMessage.findMany({ where: { liveId: live.id }, orderBy: { id: "asc" }, select: { source: true, authorName: true, body: true } })
    expect(rows).toEqual([
      { source: "ROOM", authorName: "Prof Dupont", body: "<b>Bonjour</b> à tous" },
      { source: "PAGE", authorName: "Zoé Martin", body: "Une question" },
      { source: "ROOM", authorName: "Ana", body: "Une question" },
    ])
  })

  it("posts the on-air notice once per live, and its echo is not shown; the off-air one too", async () => {
    const { live, meeting, broadcaster } = await runningLive()
    results.length = 0
    expect(await postLiveNotice(live.id, "on-air")).toBe("DELIVERED")
    expect(await postLiveNotice(live.id, "on-air")).toBe("already-posted")
    expect(await postLiveNotice(live.id, "off-air")).toBe("DELIVERED")
    await sim.webhooks.settled()
    expect(sim.state.listChatMessages(meeting.meetingId).map((m) => m.message)).toEqual([
      `Cette session est diffusée en direct\u00a0: https://live.example.org/lives/${broadcaster.slug}`,
      "La diffusion en direct est terminée.",
    ])
    await until(() => results.length >= 2)
    expect(results.flatMap((r) => r.roomChat)).toEqual(["echo", "echo"])
    expect(await db.chatMessage.count({ where: { liveId: live.id } })).toBe(0)
  })

  it("cuts a flood from the room (100 messages at once) to the per-second limit", async () => {
    const { live, meeting } = await runningLive()
    results.length = 0
    for (let i = 0; i < 100; i++) sim.state.postChatMessage({ meetingID: meeting.meetingId, userName: "Bot", message: `flood ${i}` })
    await sim.webhooks.settled()
    await until(() => results.length >= 100)
    const shown = await db.chatMessage.count({ where: { liveId: live.id } })
    expect(shown).toBeGreaterThanOrEqual(10)
    expect(shown).toBeLessThanOrEqual(30) // 10 per second, the burst may straddle a second or two
    expect(results.flatMap((r) => r.roomChat).filter((o) => o === "flood").length).toBe(100 - shown)
  })
})
