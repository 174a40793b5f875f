// Moderation of a live page's chat against real PostgreSQL and Redis: each action is stored, audited
// and told to the page's viewers; a muted viewer, a closed chat and slow mode are refused by the
// server whatever calls it; non-moderators change nothing. Questions: one vote per viewer, answered.
import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { resetEnvCache } from "@/lib/config/env"
import { db } from "@/lib/db"
import { isAppError, type AppErrorCode } from "@/lib/errors"
import { liveChannel, type LiveEvent } from "@/lib/events/live-feed"
import { redisKey } from "@/lib/redis-keys"
import { seedChatMessage, seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { getChatModeration } from "./get-chat-moderation"
import { listChatMessages } from "./list-chat-messages"
import { moderateLiveChat } from "./moderate-live-chat"
import { closeRedisChatRelays } from "./relays/redis-relay"
import { sendChatMessage } from "./send-chat-message"
import { voteChatQuestion } from "./vote-chat-question"

const redis = new Redis(process.env.REDIS_URL!)
const feed = new Redis(process.env.REDIS_URL!)

async function codeOf(promise: Promise<unknown>): Promise<AppErrorCode | unknown> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  return isAppError(error) ? error.code : error
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20))
}

beforeAll(async () => {
  Object.assign(process.env, { CHAT_RELAY: "redis", CHAT_RELAY_TIMEOUT_MS: "200", CHAT_RATE_LIMIT_MESSAGES: "1000" })
  resetEnvCache()
  const stale = await redis.keys(redisKey("chat", "*"))
  if (stale.length > 0) await redis.del(...stale)
})

afterAll(async () => {
  for (const key of ["CHAT_RELAY", "CHAT_RELAY_TIMEOUT_MS", "CHAT_RATE_LIMIT_MESSAGES"]) delete process.env[key]
  resetEnvCache()
  await closeRedisChatRelays()
  redis.disconnect()
  feed.disconnect()
})

async function liveWithEvents() {
  const seeded = await seedViewableLive()
  const events: LiveEvent[] = []
  const listener = (channel: string, text: string) => {
    if (channel === liveChannel(seeded.live.id)) events.push(JSON.parse(text) as LiveEvent)
  }
  feed.on("message", listener)
  await feed.subscribe(liveChannel(seeded.live.id))
  return { ...seeded, events }
}

describe("moderateLiveChat", () => {
  it("hides a message for every viewer, keeps it with who and when, audits it; non-moderators get 403 and change nothing", async () => {
    const { live, broadcaster, teacher, events } = await liveWithEvents()
    const student = await seedUser({ role: "STUDENT" })
    const message = await seedChatMessage({ liveId: live.id, userId: student.id, body: "insulte" })

    expect(await codeOf(moderateLiveChat(broadcaster.slug, { action: "hide", messageId: message.id }, student))).toBe("FORBIDDEN")
    expect(await codeOf(moderateLiveChat(broadcaster.slug, { action: "close" }, student))).toBe("FORBIDDEN")
    expect(await codeOf(moderateLiveChat(broadcaster.slug, { action: "close" }, null))).toBe("UNAUTHENTICATED")
    expect((await db.chatMessage.findUniqueOrThrow({ where: { id: message.id } })).hiddenAt).toBeNull()
    expect((await db.live.findUniqueOrThrow({ where: { id: live.id } })).chatClosed).toBe(false)

    await moderateLiveChat(broadcaster.slug, { action: "hide", messageId: message.id }, teacher)
    await until(() => events.length > 0)
    expect(events).toEqual([{ type: "hidden", id: message.id }])
    expect(await listChatMessages({ liveId: live.id, viewerId: null })).toEqual([])
    const stored = await db.chatMessage.findUniqueOrThrow({ where: { id: message.id } })
    expect(stored).toMatchObject({ hiddenById: teacher.id, hiddenByName: `${teacher.firstName} ${teacher.lastName}`, body: "insulte" })
    expect(stored.hiddenAt).toBeInstanceOf(Date)
    const view = await getChatModeration(broadcaster.slug, teacher)
    expect(view).toMatchObject({ canModerate: true, hidden: [{ id: message.id, body: "insulte" }] })
    expect(await getChatModeration(broadcaster.slug, student)).toMatchObject({ canModerate: false, muted: false })
    expect(await db.auditEntry.findFirst({ where: { action: "chatMessage.hide", entityId: String(message.id) } })).toMatchObject({ actorId: teacher.id })
    // a message of another live is not found through this one
    const other = await seedViewableLive()
    const elsewhere = await seedChatMessage({ liveId: other.live.id, userId: student.id })
    expect(await codeOf(moderateLiveChat(broadcaster.slug, { action: "hide", messageId: elsewhere.id }, teacher))).toBe("NOT_FOUND")
  })

  it("refuses a muted viewer's sends, a closed chat and a second message within slow mode, on the server", async () => {
    const { live, broadcaster, teacher, events } = await liveWithEvents()
    const student = await seedUser({ role: "STUDENT" })
    const other = await seedUser({ role: "STUDENT" })
    const admin = await seedUser({ role: "ADMIN" })
    const first = await sendChatMessage({ slug: broadcaster.slug, body: "spam" }, student)

    await moderateLiveChat(broadcaster.slug, { action: "mute", messageId: first.message.id }, admin)
    expect(await codeOf(sendChatMessage({ slug: broadcaster.slug, body: "encore" }, student))).toBe("CHAT_MUTED")
    expect(await getChatModeration(broadcaster.slug, student)).toMatchObject({ muted: true })
    await sendChatMessage({ slug: broadcaster.slug, body: "moi je peux" }, other)
    await moderateLiveChat(broadcaster.slug, { action: "unmute", messageId: first.message.id }, teacher)
    await sendChatMessage({ slug: broadcaster.slug, body: "pardon" }, student)

    await moderateLiveChat(broadcaster.slug, { action: "close" }, teacher)
    expect(await codeOf(sendChatMessage({ slug: broadcaster.slug, body: "fermé ?" }, other))).toBe("CHAT_CLOSED")
    await sendChatMessage({ slug: broadcaster.slug, body: "le prof parle" }, teacher) // moderators still may
    await moderateLiveChat(broadcaster.slug, { action: "reopen" }, teacher)

    await moderateLiveChat(broadcaster.slug, { action: "slowMode", seconds: 30 }, teacher)
    await sendChatMessage({ slug: broadcaster.slug, body: "un" }, other)
    expect(await codeOf(sendChatMessage({ slug: broadcaster.slug, body: "deux" }, other))).toBe("CHAT_SLOW_MODE")
    await until(() => events.filter((e) => e.type === "chatState").length >= 3)
    expect(events.filter((e) => e.type === "chatState").map((e) => (e.type === "chatState" ? e.state : null))).toEqual([
      { closed: true, slowModeSeconds: 0, showRoomChat: true },
      { closed: false, slowModeSeconds: 0, showRoomChat: true },
      { closed: false, slowModeSeconds: 30, showRoomChat: true },
    ])
    const actions = (await db.auditEntry.findMany({ where: { entityType: "live", entityId: String(live.id) }, orderBy: { id: "asc" } })).map((a) => a.action)
    expect(actions).toEqual(["liveChat.mute", "liveChat.unmute", "liveChat.close", "liveChat.reopen", "liveChat.slowMode"])
  })

  it("questions: one vote per signed-in viewer, told to every page; a moderator marks one answered", async () => {
    const { broadcaster, teacher, events } = await liveWithEvents()
    const [a, b] = [await seedUser(), await seedUser()]
    const question = await sendChatMessage({ slug: broadcaster.slug, body: "La diapo 12 ?", isQuestion: true }, a)
    expect(question.message).toMatchObject({ isQuestion: true, votes: 0, answered: false })
    expect(await voteChatQuestion({ slug: broadcaster.slug, messageId: question.message.id }, b)).toEqual({ votes: 1, counted: true })
    expect(await voteChatQuestion({ slug: broadcaster.slug, messageId: question.message.id }, b)).toEqual({ votes: 1, counted: false })
    expect(await voteChatQuestion({ slug: broadcaster.slug, messageId: question.message.id }, a)).toEqual({ votes: 2, counted: true })
    expect(await codeOf(voteChatQuestion({ slug: broadcaster.slug, messageId: question.message.id }, null))).toBe("UNAUTHENTICATED")
    expect(await codeOf(moderateLiveChat(broadcaster.slug, { action: "answer", messageId: question.message.id }, a))).toBe("FORBIDDEN")
    await moderateLiveChat(broadcaster.slug, { action: "answer", messageId: question.message.id }, teacher)
    await until(() => events.filter((e) => e.type === "question").length >= 3)
    expect(events.filter((e) => e.type === "question")).toEqual([
      { type: "question", id: question.message.id, votes: 1, answered: false },
      { type: "question", id: question.message.id, votes: 2, answered: false },
      { type: "question", id: question.message.id, votes: 2, answered: true },
    ])
    expect((await listChatMessages({ liveId: (await db.chatMessage.findUniqueOrThrow({ where: { id: question.message.id } })).liveId, viewerId: null }))[0]).toMatchObject({
      isQuestion: true,
      votes: 2,
      answered: true,
    })
  })
})
