// The chat from a live page into the BBB room, against real PostgreSQL and Redis: a private
// redis-server plays the slot's chat redis (pub/sub channels are global across Redis databases, so
// the shared Redis would mix test instances), and the BBB simulator plays BBB 3.0 (sendChatMessage).
import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"

import { Redis } from "ioredis"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"

import { resetEnvCache } from "@/lib/config/env"
import { db } from "@/lib/db"
import { isAppError, type AppErrorCode } from "@/lib/errors"
import { liveChannel } from "@/lib/events/live-feed"
import { redisKey } from "@/lib/redis-keys"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"
import { startBbbSimulator, type BbbSimulator } from "@/tools/bbb-simulator/server"
import { freePort } from "@/tools/rtmp/server"
import { TEST_ENV } from "@/vitest.test-env"

import { consumeChatAllowance, createChatRateLimiter } from "./chat-rate-limit"
import { listChatMessages } from "./list-chat-messages"
import { closeRedisChatRelays } from "./relays/redis-relay"
import { sendChatMessage } from "./send-chat-message"

let slotRedisPort: number
let slotRedis: ChildProcess
let simulator: BbbSimulator
let simulator30: BbbSimulator
const opened: Redis[] = []

function connect(port?: number): Redis {
  const redis = port ? new Redis({ port, host: "127.0.0.1" }) : new Redis(process.env.REDIS_URL!)
  opened.push(redis)
  return redis
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1")
      socket.once("connect", () => (socket.destroy(), resolve(true)))
      socket.once("error", () => resolve(false))
    })
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`redis-server on ${port} did not start`)
}

/** A subscriber like BigBlueButton-liveStreaming's bot: PSUBSCRIBE on the channel, collecting what arrives. */
async function chatBot(channel: string): Promise<string[]> {
  const bot = connect(slotRedisPort)
  const received: string[] = []
  bot.on("pmessage", (_pattern: string, _channel: string, text: string) => received.push(text))
  await bot.psubscribe(channel)
  return received
}

function withSettings(settings: Record<string, string>) {
  Object.assign(process.env, settings)
  resetEnvCache()
}

async function expectCode(promise: Promise<unknown>, code: AppErrorCode) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(isAppError(error) ? error.code : error).toBe(code)
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20))
}

beforeAll(async () => {
  // The test database is re-created at each run, so user ids come again: forget the allowances
  // counted for them by an earlier run (this instance's own Redis database).
  const redis = connect()
  const stale = await redis.keys(redisKey("chat", "user", "*"))
  if (stale.length > 0) await redis.del(...stale)
  slotRedisPort = await freePort()
  slotRedis = spawn("redis-server", ["--port", String(slotRedisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" })
  await waitForPort(slotRedisPort)
  simulator = await startBbbSimulator({ port: 0, secret: "chat-secret" })
  simulator30 = await startBbbSimulator({ port: 0, secret: "chat-secret", bbbVersion: "3.0.4" })
})

afterAll(async () => {
  await closeRedisChatRelays()
  for (const redis of opened) redis.disconnect()
  slotRedis.kill()
  await simulator.close()
  await simulator30.close()
})

afterEach(() => {
  for (const key of ["CHAT_RELAY", "CHAT_MAX_LENGTH", "CHAT_RATE_LIMIT_MESSAGES", "CHAT_RELAY_TIMEOUT_MS"]) delete process.env[key]
  Object.assign(process.env, { BBB_SERVER_URL: TEST_ENV.BBB_SERVER_URL, BBB_SECRET_KEY: TEST_ENV.BBB_SECRET_KEY })
  resetEnvCache()
})

async function redisLive(options: Parameters<typeof seedViewableLive>[0] = {}) {
  const channel = `chat-${Math.random().toString(36).slice(2)}`
  const seeded = await seedViewableLive({ redis: { host: "127.0.0.1", port: slotRedisPort, channel }, ...options })
  return { ...seeded, channel }
}

describe("sendChatMessage through the streamer's redis", () => {
  it("publishes exactly “(First Last) text” to the bot, stores the message as delivered and tells the page's viewers", async () => {
    withSettings({ CHAT_RELAY: "redis" })
    const { broadcaster, live, channel } = await redisLive()
    const received = await chatBot(channel)
    const pageFeed = connect()
    const events: string[] = []
    pageFeed.on("message", (_c: string, text: string) => events.push(text))
    await pageFeed.subscribe(liveChannel(live.id))
    const student = await seedUser({ firstName: "Zoé", lastName: "Martin-Lévêque" })

    const result = await sendChatMessage({ slug: broadcaster.slug, body: "  Bonjour, une question ?  " }, student)

    expect(result).toMatchObject({ outcome: "DELIVERED", relay: "redis", message: { authorName: "Zoé Martin-Lévêque", body: "Bonjour, une question ?" } })
    await until(() => received.length > 0 && events.length > 0)
    expect(received).toEqual(["(Zoé Martin-Lévêque) Bonjour, une question ?"])
    expect(await db.chatMessage.findUniqueOrThrow({ where: { id: result.message.id } })).toMatchObject({
      liveId: live.id,
      userId: student.id,
      body: "Bonjour, une question ?",
      relay: "redis",
      relayStatus: "DELIVERED",
      receivers: 1,
    })
    expect(events.map((e) => JSON.parse(e) as unknown)).toEqual([{ type: "chat", message: { id: result.message.id, authorName: "Zoé Martin-Lévêque", body: "Bonjour, une question ?", sentAt: result.message.sentAt } }])
  })

  it("says nobody was listening when no bot is subscribed, and keeps the message", async () => {
    withSettings({ CHAT_RELAY: "redis" })
    const { broadcaster } = await redisLive()
    const student = await seedUser()
    const result = await sendChatMessage({ slug: broadcaster.slug, body: "anyone?" }, student)
    expect(result.outcome).toBe("NO_LISTENER")
    expect(await db.chatMessage.findUniqueOrThrow({ where: { id: result.message.id } })).toMatchObject({ body: "anyone?", relayStatus: "NO_LISTENER", receivers: 0 })
  })

  it("says the relay is down when the slot's redis does not answer, and keeps the message", async () => {
    withSettings({ CHAT_RELAY: "redis", CHAT_RELAY_TIMEOUT_MS: "500" })
    const closedPort = await freePort()
    const { broadcaster } = await seedViewableLive({ redis: { host: "127.0.0.1", port: closedPort, channel: "chat1" } })
    const student = await seedUser()
    const first = await sendChatMessage({ slug: broadcaster.slug, body: "hello?" }, student)
    // the second finds the connection known to be down and answers at once
    const second = await sendChatMessage({ slug: broadcaster.slug, body: "still there?" }, student)
    expect([first.outcome, second.outcome]).toEqual(["RELAY_DOWN", "RELAY_DOWN"])
    const rows = await db.chatMessage.findMany({ where: { id: { in: [first.message.id, second.message.id] } }, orderBy: { id: "asc" } })
    expect(rows.map((r) => [r.body, r.relayStatus])).toEqual([
      ["hello?", "RELAY_DOWN"],
      ["still there?", "RELAY_DOWN"],
    ])
  })

  it("sends a multi-line message as one line (newlines removed)", async () => {
    withSettings({ CHAT_RELAY: "redis" })
    const { broadcaster, channel } = await redisLive()
    const received = await chatBot(channel)
    const student = await seedUser({ firstName: "Ana", lastName: "Costa" })
    const result = await sendChatMessage({ slug: broadcaster.slug, body: "first line\nsecond line\r\n\r\nthird" }, student)
    await until(() => received.length > 0)
    expect(received).toEqual(["(Ana Costa) first line second line third"])
    expect(result.message.body).toBe("first line second line third")
  })

  it("stores and relays <script> as the plain text it is", async () => {
    withSettings({ CHAT_RELAY: "redis" })
    const { broadcaster, live, channel } = await redisLive()
    const received = await chatBot(channel)
    const student = await seedUser({ firstName: "Eve", lastName: "Hacker" })
    const body = `<script>alert("x")</script><b>bold</b>`
    await sendChatMessage({ slug: broadcaster.slug, body }, student)
    await until(() => received.length > 0)
    expect(received).toEqual([`(Eve Hacker) ${body}`])
    expect((await listChatMessages({ liveId: live.id, viewerId: null })).map((m) => m.body)).toEqual([body])
  })
})

describe("sendChatMessage through BBB's sendChatMessage", () => {
  it("posts the message under the author's name (checksum verified by the simulator)", async () => {
    withSettings({ CHAT_RELAY: "bbb-api", BBB_SERVER_URL: simulator30.url, BBB_SECRET_KEY: "chat-secret" })
    const { broadcaster, meeting } = await seedViewableLive()
    simulator30.state.createMeeting({ meetingID: meeting.meetingId, name: meeting.name, running: true })
    const student = await seedUser({ firstName: "Jean-Luc", lastName: "Picard" })
    const result = await sendChatMessage({ slug: broadcaster.slug, body: "Engage!" }, student)
    expect(result).toMatchObject({ outcome: "DELIVERED", relay: "bbb-api" })
    expect(simulator30.state.listChatMessages(meeting.meetingId)).toMatchObject([{ meetingID: meeting.meetingId, message: "Engage!", userName: "Jean-Luc Picard" }])
    expect(await db.chatMessage.findUniqueOrThrow({ where: { id: result.message.id } })).toMatchObject({ relay: "bbb-api", relayStatus: "DELIVERED" })
  })

  it("reports BBB's refusal with a wrong secret (checksumError): nothing reaches the chat, the message is kept", async () => {
    withSettings({ CHAT_RELAY: "bbb-api", BBB_SERVER_URL: simulator30.url, BBB_SECRET_KEY: "not-the-secret" })
    const { broadcaster, meeting } = await seedViewableLive()
    simulator30.state.createMeeting({ meetingID: meeting.meetingId, name: meeting.name, running: true })
    const result = await sendChatMessage({ slug: broadcaster.slug, body: "forged?" }, await seedUser())
    expect(result.outcome).toBe("REFUSED")
    expect(simulator30.state.listChatMessages(meeting.meetingId)).toEqual([])
    expect(await db.chatMessage.findUniqueOrThrow({ where: { id: result.message.id } })).toMatchObject({ body: "forged?", relayStatus: "REFUSED" })
  })

  it("reports BBB's refusal when the meeting is not running there (notFound)", async () => {
    withSettings({ CHAT_RELAY: "bbb-api", BBB_SERVER_URL: simulator30.url, BBB_SECRET_KEY: "chat-secret" })
    const { broadcaster } = await seedViewableLive()
    const result = await sendChatMessage({ slug: broadcaster.slug, body: "hello" }, await seedUser())
    expect(result.outcome).toBe("REFUSED")
  })

  it("reports the relay down when BBB is unreachable or answers HTTP 500", async () => {
    withSettings({ CHAT_RELAY: "bbb-api", BBB_SERVER_URL: `http://127.0.0.1:${await freePort()}/`, BBB_SECRET_KEY: "chat-secret", CHAT_RELAY_TIMEOUT_MS: "1000" })
    const { broadcaster } = await seedViewableLive()
    const student = await seedUser()
    expect((await sendChatMessage({ slug: broadcaster.slug, body: "hello" }, student)).outcome).toBe("RELAY_DOWN")

    withSettings({ BBB_SERVER_URL: simulator30.url })
    simulator30.state.addFault({ call: "sendChatMessage", fault: { type: "http-error", status: 500 }, times: 1 })
    const result = await sendChatMessage({ slug: broadcaster.slug, body: "again" }, student)
    expect(result.outcome).toBe("RELAY_DOWN")
    expect(await db.chatMessage.count({ where: { userId: student.id } })).toBe(2)
  })

  it("auto: picks sendChatMessage for a BBB 3.0 server and the redis bot otherwise", async () => {
    const student = await seedUser()
    withSettings({ CHAT_RELAY: "auto", BBB_SERVER_URL: simulator30.url, BBB_SECRET_KEY: "chat-secret" })
    const a = await redisLive()
    simulator30.state.createMeeting({ meetingID: a.meeting.meetingId, name: a.meeting.name, running: true })
    expect(await sendChatMessage({ slug: a.broadcaster.slug, body: "via api" }, student)).toMatchObject({ relay: "bbb-api", outcome: "DELIVERED" })

    withSettings({ CHAT_RELAY: "auto", BBB_SERVER_URL: simulator.url })
    const b = await redisLive()
    const received = await chatBot(b.channel)
    expect(await sendChatMessage({ slug: b.broadcaster.slug, body: "via redis" }, student)).toMatchObject({ relay: "redis", outcome: "DELIVERED" })
    await until(() => received.length > 0)
    expect(received).toHaveLength(1)
  })
})

describe("sendChatMessage refuses", () => {
  it("a live without chat, storing nothing", async () => {
    const { broadcaster, live } = await redisLive({ enableChat: false })
    await expectCode(sendChatMessage({ slug: broadcaster.slug, body: "hi" }, await seedUser()), "CHAT_DISABLED")
    expect(await db.chatMessage.count({ where: { liveId: live.id } })).toBe(0)
  })

  it("a live that is not running (not started yet, or ended)", async () => {
    const student = await seedUser()
    for (const status of ["STARTING", "STOPPED"] as const) {
      const { broadcaster, live } = await redisLive({ status })
      await expectCode(sendChatMessage({ slug: broadcaster.slug, body: "hi" }, student), "LIVE_NOT_RUNNING")
      expect(await db.chatMessage.count({ where: { liveId: live.id } })).toBe(0)
    }
  })

  it("anonymous visitors, on public and restricted lives; signed-in users may chat on restricted ones", async () => {
    withSettings({ CHAT_RELAY: "redis" })
    const publicLive = await redisLive()
    await expectCode(sendChatMessage({ slug: publicLive.broadcaster.slug, body: "hi" }, null), "UNAUTHENTICATED")
    const restricted = await redisLive({ isRestricted: true })
    await expectCode(sendChatMessage({ slug: restricted.broadcaster.slug, body: "hi" }, null), "UNAUTHENTICATED")
    expect(await db.chatMessage.count({ where: { liveId: { in: [publicLive.live.id, restricted.live.id] } } })).toBe(0)
    expect((await sendChatMessage({ slug: restricted.broadcaster.slug, body: "hi" }, await seedUser())).outcome).toBe("NO_LISTENER")
  })

  it("an unknown live", async () => {
    await expectCode(sendChatMessage({ slug: "no-such-live", body: "hi" }, await seedUser()), "NOT_FOUND")
  })

  it("oversize messages, counted after trimming (CHAT_MAX_LENGTH)", async () => {
    withSettings({ CHAT_RELAY: "redis" })
    const { broadcaster, live } = await redisLive()
    const student = await seedUser()
    await expectCode(sendChatMessage({ slug: broadcaster.slug, body: "x".repeat(101) }, student), "CHAT_MESSAGE_TOO_LONG")
    expect((await sendChatMessage({ slug: broadcaster.slug, body: `   ${"y".repeat(100)}\n ` }, student)).message.body).toBe("y".repeat(100))
    withSettings({ CHAT_MAX_LENGTH: "10" })
    await expectCode(sendChatMessage({ slug: broadcaster.slug, body: "x".repeat(11) }, student), "CHAT_MESSAGE_TOO_LONG")
    expect((await db.chatMessage.findMany({ where: { liveId: live.id } })).map((m) => m.body)).toEqual(["y".repeat(100)])
  })

  it("empty and blank messages", async () => {
    const { broadcaster, live } = await redisLive()
    const student = await seedUser()
    for (const body of ["", "   ", "\n\r\n\t "]) await expectCode(sendChatMessage({ slug: broadcaster.slug, body }, student), "CHAT_MESSAGE_EMPTY")
    expect(await db.chatMessage.count({ where: { liveId: live.id } })).toBe(0)
  })

  it("a flood: beyond CHAT_RATE_LIMIT_MESSAGES the sender is refused, and only the allowed ones are stored", async () => {
    withSettings({ CHAT_RELAY: "redis", CHAT_RATE_LIMIT_MESSAGES: "3" })
    const { broadcaster, live } = await redisLive()
    const student = await seedUser()
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => sendChatMessage({ slug: broadcaster.slug, body: `spam ${i}` }, student)))
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3)
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []))
    expect(refusals.map((e) => (isAppError(e) ? e.code : e))).toEqual(["CHAT_RATE_LIMITED", "CHAT_RATE_LIMITED", "CHAT_RATE_LIMITED"])
    expect(await db.chatMessage.count({ where: { liveId: live.id } })).toBe(3)
    // another user is not affected
    expect((await sendChatMessage({ slug: broadcaster.slug, body: "me too" }, await seedUser())).outcome).toBe("NO_LISTENER")
  })

  it("a flood spread over two app instances (two Redis connections share the count)", async () => {
    const settings = { CHAT_RATE_LIMIT_MESSAGES: 4, CHAT_RATE_LIMIT_WINDOW_SECONDS: 60 }
    const instanceA = createChatRateLimiter(settings, connect())
    const instanceB = createChatRateLimiter(settings, connect())
    const { id } = await seedUser()
    for (const limiter of [instanceA, instanceB, instanceA, instanceB]) await consumeChatAllowance(id, limiter)
    await expectCode(consumeChatAllowance(id, instanceA), "CHAT_RATE_LIMITED")
    await expectCode(consumeChatAllowance(id, instanceB), "CHAT_RATE_LIMITED")
  })
})

describe("listChatMessages", () => {
  it("lists the latest messages oldest first, with the relay outcome on the viewer's own messages only", async () => {
    withSettings({ CHAT_RELAY: "redis" })
    const { broadcaster, live } = await redisLive()
    const [alice, bob] = [await seedUser({ firstName: "Alice", lastName: "A" }), await seedUser({ firstName: "Bob", lastName: "B" })]
    await sendChatMessage({ slug: broadcaster.slug, body: "one" }, alice)
    await sendChatMessage({ slug: broadcaster.slug, body: "two" }, bob)
    const seenByAlice = await listChatMessages({ liveId: live.id, viewerId: alice.id })
    expect(seenByAlice.map((m) => [m.authorName, m.body, m.outcome])).toEqual([
      ["Alice A", "one", "NO_LISTENER"],
      ["Bob B", "two", undefined],
    ])
    expect((await listChatMessages({ liveId: live.id, viewerId: null })).every((m) => m.outcome === undefined)).toBe(true)
  })
})
