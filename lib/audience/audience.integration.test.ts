// Lives' audience (issue 23): the sampler writes one sample per live on air from the Redis presence
// (and none when Redis is down: a gap, never an invented value); a teacher's lives (requested or
// moderated) with their figures, another teacher's live hidden (null: the page answers 404), admins
// see every live; the CSV exports neutralise formulas; the retention purge.
import { Redis } from "ioredis"
import { afterAll, describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { trackLiveViewer } from "@/lib/lives/track-live-viewer"
import { getProducerRedis } from "@/lib/redis"
import { seedAttendee, seedChatMessage, seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { exportAudienceSamplesCsv, exportTranscriptCsv } from "./audience-csv"
import { getLiveAudience } from "./get-live-audience"
import { listMyLives } from "./list-my-lives"
import { purgeAudience } from "./purge-audience"
import { recordAudienceSamples } from "./record-audience-samples"

afterAll(() => getProducerRedis().disconnect())

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000)

describe("the audience sampler", () => {
  it("records the viewers of each live on air (each person once), none for an ended live, and nothing when Redis is down", async () => {
    const { live } = await seedViewableLive()
    const { live: ended } = await seedViewableLive({ status: "STOPPED" })
    const viewers = [await trackLiveViewer(live.id, { userId: 1 }), await trackLiveViewer(live.id, { userId: 1 }), await trackLiveViewer(live.id, { browserId: "b-1" })]
    const now = new Date()
    await recordAudienceSamples({ now })
    expect(await db.liveAudienceSample.findMany({ where: { liveId: live.id }, select: { at: true, viewers: true, signedIn: true, anonymous: true, distinctViewers: true } })).toEqual([
      { at: now, viewers: 2, signedIn: 1, anonymous: 1, distinctViewers: 2 },
    ])
    expect(await db.liveAudienceSample.count({ where: { liveId: ended.id } })).toBe(0)

    const down = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 200, lazyConnect: false })
    down.on("error", () => undefined)
    await expect(recordAudienceSamples({ redis: down, now: at(now, 10) })).rejects.toMatchObject({ code: "QUEUE_UNAVAILABLE" })
    expect(await db.liveAudienceSample.count({ where: { liveId: live.id } })).toBe(1)
    down.disconnect()
    for (const v of viewers) await v.leave()
  })
})

describe("a teacher's lives and their audience", () => {
  it("lists the lives requested or moderated with their figures, hides the others' (admins see all), and exports CSV", async () => {
    const { live, teacher, meeting } = await seedViewableLive({ status: "STOPPED" })
    const moderator = await seedUser({ role: "TEACHER" })
    await seedAttendee({ meetingId: meeting.id, userId: moderator.id, role: "MODERATOR" })
    const stranger = await seedUser({ role: "TEACHER" })
    const admin = await seedUser({ role: "ADMIN" })
    const start = new Date(Date.now() - 3600_000)
    // 10 s apart, then a 5-minute gap (Redis was down), then two more.
    const counts = [[0, 1], [10, 3], [20, 5], [30, 4], [330, 2], [340, 2]] as const
    await db.liveAudienceSample.createMany({ data: counts.map(([s, v], i) => ({ liveId: live.id, at: at(start, s), viewers: v, signedIn: v - 1, anonymous: 1, distinctViewers: 3 + i })) })
    await db.live.update({ where: { id: live.id }, data: { startedAt: start, endedAt: at(start, 345) } })
    await seedChatMessage({ liveId: live.id, userId: null, authorName: "=HYPERLINK(\"x\")", body: "+1 question" })

    const expected = { id: live.id, peakViewers: 5, distinctViewers: 8, chatMessages: 1 }
    // Watch time: 1×10 + 3×10 + 5×10 + 4×20 (a gap counts at most two intervals) + 2×10 + 2×20 (the last sample).
    const watchSeconds = 10 + 30 + 50 + 80 + 20 + 40
    for (const who of [teacher, moderator]) {
      const list = await listMyLives(who.id, { page: 1, pageSize: 25 })
      expect(list.rows.find((r) => r.id === live.id)).toMatchObject({ ...expected, watchSeconds })
    }
    expect((await listMyLives(stranger.id, { page: 1, pageSize: 25 })).rows.map((r) => r.id)).not.toContain(live.id)
    // A period that excludes it, one that includes it; an invalid period filters nothing.
    expect((await listMyLives(teacher.id, { page: 1, pageSize: 25, from: "2000-01-01", to: "2000-01-02" })).total).toBe(0)
    expect((await listMyLives(teacher.id, { page: 1, pageSize: 25, from: "2000-01-02", to: "2000-01-01" })).total).toBe(1)

    expect(await getLiveAudience(live.id, { id: stranger.id, role: "TEACHER" })).toBeNull()
    const audience = await getLiveAudience(live.id, { id: admin.id, role: "ADMIN" })
    expect(audience?.samples.map((s) => s.viewers)).toEqual([1, 3, 5, 4, 2, 2])
    expect(audience?.marks.map((m) => m.kind)).toEqual(["start", "stop"])

    expect(await exportAudienceSamplesCsv(live.id, { id: stranger.id, role: "TEACHER" })).toBeNull()
    const samples = await exportAudienceSamplesCsv(live.id, { id: teacher.id, role: "TEACHER" })
    expect(samples?.split("\r\n")[0]).toBe("time;viewers;signed_in;anonymous;distinct_viewers")
    expect(samples?.split("\r\n")[3]).toBe(`${at(start, 20).toISOString()};5;4;1;5`)
    const transcript = await exportTranscriptCsv(live.id, { id: moderator.id, role: "TEACHER" })
    expect(transcript).toContain(`;"'=HYPERLINK(""x"")";'+1 question`)
  })
})

describe("the retention purge", () => {
  it("deletes samples and chat messages older than the retention, keeps the recent ones", async () => {
    const { live } = await seedViewableLive({ status: "STOPPED" })
    const now = new Date()
    const old = new Date(now.getTime() - 400 * 24 * 3600_000)
    await db.liveAudienceSample.createMany({ data: [old, now].map((t) => ({ liveId: live.id, at: t, viewers: 1, signedIn: 1, anonymous: 0, distinctViewers: 1 })) })
    const oldMessage = await seedChatMessage({ liveId: live.id, userId: null })
    await db.chatMessage.update({ where: { id: oldMessage.id }, data: { sentAt: old } })
    await seedChatMessage({ liveId: live.id, userId: null })
    const result = await purgeAudience({ now, days: 395 })
    expect(result.samples).toBeGreaterThanOrEqual(1)
    expect(await db.liveAudienceSample.count({ where: { liveId: live.id } })).toBe(1)
    expect(await db.chatMessage.count({ where: { liveId: live.id } })).toBe(1)
  })
})
