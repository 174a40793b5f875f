// Redis down while a teacher requests a live: the request is saved (REQUESTED) and the answer says
// the orchestrator could not be signalled yet; nothing hangs, nothing is lost.
import { describe, expect, it, vi } from "vitest"

vi.hoisted(() => {
  process.env.REDIS_URL = "redis://127.0.0.1:1" // nothing listens there
  process.env.BBB_NUMBER_MAX_LIVES = "1000"
})

import { db } from "@/lib/db"
import { seedAttendee, seedMeeting, seedUser } from "@/prisma/seed/factories"

import { requestLive } from "./request-live"

describe("requestLive with Redis down", () => {
  it("keeps the request and reports that the orchestrator was not signalled", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const meeting = await seedMeeting()
    await seedAttendee({ meetingId: meeting.id, userId: teacher.id })
    const result = await requestLive({ meetingId: meeting.id, isRestricted: true, showChat: true, downloadMeeting: false, enableChat: false }, teacher)
    expect(result).toMatchObject({ created: true, signalled: false })
    expect(await db.live.findUniqueOrThrow({ where: { id: result.liveId } })).toMatchObject({ status: "REQUESTED", activeMeetingId: meeting.id, isRestricted: true })
    await db.live.update({ where: { id: result.liveId }, data: { status: "STOPPED", activeMeetingId: null } })
  })
})
