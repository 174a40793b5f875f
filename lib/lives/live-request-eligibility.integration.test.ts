// The one rule deciding whether a user may request a live for a meeting, each refusal with the real
// database (a dedicated one: the cap counts only this file's active lives), in the rule's order.
import { afterEach, describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("eligibility")
})

import { resetEnvCache } from "@/lib/config/env"
import { db } from "@/lib/db"
import { seedMeeting, seedUser } from "@/prisma/seed/factories"

import { getLiveRequestEligibility } from "./live-request-eligibility"
import { seedLiveOnAir } from "./testing/seed-live-on-air"

const NO_CAP = "1000"

async function moderatedMeeting(options: { running?: boolean } = {}) {
  const teacher = await seedUser({ role: "TEACHER" })
  const meeting = await seedMeeting({ running: options.running })
  await db.attendee.create({
    data: { meetingId: meeting.id, attendeeKey: `w_${teacher.id}`, fullName: "x", normalizedName: "x", role: "MODERATOR", userId: teacher.id, matchStatus: "BY_NAME", lastSeenAt: new Date() },
  })
  return { teacher, meeting }
}

function withSettings(settings: Record<string, string>) {
  Object.assign(process.env, settings)
  resetEnvCache()
}

afterEach(() => {
  for (const key of ["BBB_NUMBER_MAX_LIVES", "USE_BBB_LIVE"]) delete process.env[key]
  resetEnvCache()
})

describe("getLiveRequestEligibility", () => {
  it("lets a matched moderator of a running meeting without a live request one", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: NO_CAP })
    const { teacher, meeting } = await moderatedMeeting()
    expect(await getLiveRequestEligibility({ meetingId: meeting.id, userId: teacher.id })).toEqual({
      meeting: { id: meeting.id, name: meeting.name, sessionDate: meeting.sessionDate },
      refusal: null,
      activeLiveId: null,
    })
  })

  it("refuses LIVES_DISABLED first, even for a meeting that does not exist", async () => {
    withSettings({ USE_BBB_LIVE: "false", BBB_NUMBER_MAX_LIVES: NO_CAP })
    const { teacher, meeting } = await moderatedMeeting()
    expect(await getLiveRequestEligibility({ meetingId: meeting.id, userId: teacher.id })).toMatchObject({ meeting: { id: meeting.id }, refusal: "LIVES_DISABLED" })
    expect(await getLiveRequestEligibility({ meetingId: 2_000_000_000, userId: teacher.id })).toEqual({ meeting: null, refusal: "LIVES_DISABLED", activeLiveId: null })
  })

  it("refuses NOT_FOUND for a meeting that does not exist", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: NO_CAP })
    const teacher = await seedUser({ role: "TEACHER" })
    expect(await getLiveRequestEligibility({ meetingId: 2_000_000_000, userId: teacher.id })).toEqual({ meeting: null, refusal: "NOT_FOUND", activeLiveId: null })
  })

  it("refuses NOT_A_MODERATOR to a user not matched as a moderator (a viewer, or nobody), before the meeting's state", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: NO_CAP })
    const { meeting } = await moderatedMeeting({ running: false })
    const viewer = await seedUser({ role: "TEACHER" })
    await db.attendee.create({
      data: { meetingId: meeting.id, attendeeKey: `w_${viewer.id}`, fullName: "y", normalizedName: "y", role: "VIEWER", userId: viewer.id, matchStatus: "BY_NAME", lastSeenAt: new Date() },
    })
    const stranger = await seedUser({ role: "TEACHER" })
    for (const user of [viewer, stranger]) {
      expect(await getLiveRequestEligibility({ meetingId: meeting.id, userId: user.id })).toMatchObject({ refusal: "NOT_A_MODERATOR" })
    }
  })

  it("refuses MEETING_NOT_RUNNING for a meeting that ended", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: NO_CAP })
    const { teacher, meeting } = await moderatedMeeting({ running: false })
    expect(await getLiveRequestEligibility({ meetingId: meeting.id, userId: teacher.id })).toMatchObject({ refusal: "MEETING_NOT_RUNNING" })
  })

  it("refuses LIVE_ALREADY_ACTIVE with the active live, before the cap", async () => {
    withSettings({ BBB_NUMBER_MAX_LIVES: "1" })
    const { teacher, meeting } = await moderatedMeeting()
    const live = await db.live.create({ data: { meetingId: meeting.id, activeMeetingId: meeting.id, requestedById: teacher.id }, select: { id: true } })
    expect(await getLiveRequestEligibility({ meetingId: meeting.id, userId: teacher.id })).toMatchObject({ refusal: "LIVE_ALREADY_ACTIVE", activeLiveId: live.id })
    await db.live.update({ where: { id: live.id }, data: { status: "STOPPED", activeMeetingId: null, endedAt: new Date() } })
  })

  it("refuses LIVE_CAP_REACHED when BBB_NUMBER_MAX_LIVES lives are active", async () => {
    const other = await seedLiveOnAir({ status: "RUNNING" })
    withSettings({ BBB_NUMBER_MAX_LIVES: "1" })
    const { teacher, meeting } = await moderatedMeeting()
    expect(await getLiveRequestEligibility({ meetingId: meeting.id, userId: teacher.id })).toMatchObject({ refusal: "LIVE_CAP_REACHED", activeLiveId: null })
    await db.live.update({ where: { id: other.liveId }, data: { status: "STOPPED", activeMeetingId: null, endedAt: new Date() } })
  })
})
