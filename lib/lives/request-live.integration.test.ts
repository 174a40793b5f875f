import { afterEach, describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("teacher")
})

import { resetEnvCache } from "@/lib/config/env"
import { db } from "@/lib/db"
import { listTeacherMeetings } from "@/lib/meetings/list-teacher-meetings"
import { getQueue, QUEUES } from "@/lib/queues"
import { seedAttendee, seedMeeting, seedUser } from "@/prisma/seed/factories"

import { liveJobId } from "./jobs"
import { requestLive } from "./request-live"
import { requestLiveInputSchema } from "./schemas"

const options = { isRestricted: false, showChat: true, downloadMeeting: true, enableChat: true, showRoomChat: true }

async function meetingWithModerator(opts: { running?: boolean } = {}) {
  const teacher = await seedUser({ role: "TEACHER" })
  const meeting = await seedMeeting({ running: opts.running })
  await seedAttendee({ meetingId: meeting.id, fullName: `${teacher.firstName} ${teacher.lastName}`, userId: teacher.id, matchStatus: "BY_NAME" })
  return { teacher, meeting }
}

function withSettings(settings: Record<string, string>) {
  Object.assign(process.env, settings)
  resetEnvCache()
}

afterEach(async () => {
  for (const key of ["BBB_NUMBER_MAX_LIVES", "USE_BBB_LIVE", "USE_BBB_LIVE_DOWNLOADING", "BBB_WEBHOOKS_SERVERS"]) delete process.env[key]
  resetEnvCache()
  // Free the cap for the next test: end every active live of this dedicated database.
  await db.live.updateMany({ where: { activeMeetingId: { not: null } }, data: { status: "STOPPED", activeMeetingId: null } })
})

describe("requestLive", () => {
  it("creates one REQUESTED live with the options and signals the orchestrator", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: "5", USE_BBB_LIVE_DOWNLOADING: "true" })
    const { teacher, meeting } = await meetingWithModerator()
    const result = await requestLive({ meetingId: meeting.id, ...options }, teacher)
    expect(result).toMatchObject({ created: true, signalled: true })
    const live = await db.live.findUniqueOrThrow({ where: { id: result.liveId } })
    expect(live).toMatchObject({
      status: "REQUESTED",
      meetingId: meeting.id,
      activeMeetingId: meeting.id,
      requestedById: teacher.id,
      isRestricted: false,
      showChat: true,
      downloadMeeting: true,
      enableChat: true,
    })
    expect((await getQueue(QUEUES.lives).getJob(liveJobId(live.id)))?.data).toEqual({ action: "requested", liveId: live.id })
  })

  it("keeps the room's messages off the page when asked, only where bbb-webhooks bring them (issue 24)", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: "5", BBB_WEBHOOKS_SERVERS: "http://bbb.test/|secret" })
    const first = await meetingWithModerator()
    const off = await requestLive({ meetingId: first.meeting.id, ...options, showRoomChat: false }, first.teacher)
    expect(await db.live.findUniqueOrThrow({ where: { id: off.liveId }, select: { showRoomChat: true } })).toEqual({ showRoomChat: false })
    // Without webhooks the form's box is disabled and sends nothing: the live keeps the default, for when they come.
    withSettings({ BBB_WEBHOOKS_SERVERS: "" })
    const second = await meetingWithModerator()
    const unset = await requestLive({ meetingId: second.meeting.id, ...options, showRoomChat: false }, second.teacher)
    expect(await db.live.findUniqueOrThrow({ where: { id: unset.liveId }, select: { showRoomChat: true } })).toEqual({ showRoomChat: true })
  })

  it("creates nothing new on a re-post or a burst of double clicks", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: "5" })
    const { teacher, meeting } = await meetingWithModerator()
    const results = await Promise.all(Array.from({ length: 6 }, () => requestLive({ meetingId: meeting.id, ...options }, teacher)))
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect(new Set(results.map((r) => r.liveId)).size).toBe(1)
    expect(await db.live.count({ where: { meetingId: meeting.id } })).toBe(1)
  })

  it("refuses a user who is not a matched moderator of the meeting", async () => {
    const { meeting } = await meetingWithModerator()
    const stranger = await seedUser({ role: "TEACHER" })
    await expect(requestLive({ meetingId: meeting.id, ...options }, stranger)).rejects.toMatchObject({ code: "NOT_A_MODERATOR" })
    const viewer = await seedUser({ role: "TEACHER" })
    await seedAttendee({ meetingId: meeting.id, role: "VIEWER", userId: viewer.id })
    await expect(requestLive({ meetingId: meeting.id, ...options }, viewer)).rejects.toMatchObject({ code: "NOT_A_MODERATOR" })
    await expect(requestLive({ meetingId: 987_654_321, ...options }, viewer)).rejects.toMatchObject({ code: "NOT_FOUND" })
  })

  it("refuses a meeting that has ended", async () => {
    const { teacher, meeting } = await meetingWithModerator({ running: false })
    await expect(requestLive({ meetingId: meeting.id, ...options }, teacher)).rejects.toMatchObject({ code: "MEETING_NOT_RUNNING" })
  })

  it("refuses when BBB_NUMBER_MAX_LIVES lives are active, even under concurrent requests", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: "2" })
    const pairs = await Promise.all([meetingWithModerator(), meetingWithModerator(), meetingWithModerator(), meetingWithModerator()])
    const settled = await Promise.allSettled(pairs.map(({ teacher, meeting }) => requestLive({ meetingId: meeting.id, ...options }, teacher)))
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(2)
    for (const s of settled.filter((s) => s.status === "rejected")) expect((s as PromiseRejectedResult).reason).toMatchObject({ code: "LIVE_CAP_REACHED" })
    expect(await db.live.count({ where: { activeMeetingId: { not: null } } })).toBe(2)
  })

  it("refuses when lives are disabled, and never records a download when recording is disabled", async () => {
    withSettings({ USE_BBB_LIVE: "false" })
    const { teacher, meeting } = await meetingWithModerator()
    await expect(requestLive({ meetingId: meeting.id, ...options }, teacher)).rejects.toMatchObject({ code: "LIVES_DISABLED" })
    withSettings({ USE_BBB_LIVE: "true", USE_BBB_LIVE_DOWNLOADING: "false", BBB_NUMBER_MAX_LIVES: "5" })
    const result = await requestLive({ meetingId: meeting.id, ...options }, teacher)
    expect((await db.live.findUniqueOrThrow({ where: { id: result.liveId } })).downloadMeeting).toBe(false)
  })

  it("lets the database refuse an inconsistent active flag", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: "5" })
    const { teacher, meeting } = await meetingWithModerator()
    const { liveId } = await requestLive({ meetingId: meeting.id, ...options }, teacher)
    await expect(db.live.update({ where: { id: liveId }, data: { status: "STOPPED" } })).rejects.toThrow(/lives_active_meeting_consistent/)
    await expect(
      db.live.create({ data: { meetingId: meeting.id, activeMeetingId: meeting.id, requestedById: teacher.id } }),
    ).rejects.toMatchObject({ code: "P2002" })
  })
})

describe("requestLiveInputSchema", () => {
  it("reads HTML checkboxes and refuses a bad meeting id", () => {
    expect(requestLiveInputSchema.parse({ meetingId: "12", showChat: "on" })).toEqual({
      meetingId: 12,
      isRestricted: false,
      showChat: true,
      downloadMeeting: false,
      enableChat: false,
      showRoomChat: false,
    })
    expect(requestLiveInputSchema.safeParse({ meetingId: "abc" }).success).toBe(false)
    expect(requestLiveInputSchema.safeParse({ meetingId: "1", showChat: "maybe" }).success).toBe(false)
  })
})

describe("listTeacherMeetings", () => {
  it("lists running meetings the teacher moderates, with the latest live, and the cap", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: "1" })
    const { teacher, meeting } = await meetingWithModerator()
    const other = await meetingWithModerator()
    const ended = await seedMeeting({ running: false })
    await seedAttendee({ meetingId: ended.id, userId: teacher.id })
    let view = await listTeacherMeetings(teacher)
    expect(view.meetings.map((m) => m.id)).toEqual([meeting.id])
    expect(view.meetings[0]).toMatchObject({ live: null, canRequest: true })
    expect(view.capReached).toBe(false)

    await requestLive({ meetingId: other.meeting.id, ...options }, other.teacher)
    view = await listTeacherMeetings(teacher)
    expect(view.capReached).toBe(true)
    expect(view.meetings[0]).toMatchObject({ live: null, canRequest: false })
    const otherView = await listTeacherMeetings(other.teacher)
    expect(otherView.meetings[0]?.live).toMatchObject({ status: "REQUESTED", canCancel: true })
  })
})
