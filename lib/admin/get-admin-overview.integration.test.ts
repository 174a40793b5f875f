import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { seedMeeting, seedUser } from "@/prisma/seed/factories"

import { getAdminOverview } from "./get-admin-overview"

describe("getAdminOverview", () => {
  it("counts the new account, running session and active live (each domain counts its own rows)", async () => {
    // The test database is shared with other files running at once, which only add rows of these kinds.
    const before = await getAdminOverview()
    const teacher = await seedUser({ role: "TEACHER" })
    const meeting = await seedMeeting({ running: true })
    const ended = await seedMeeting({ running: false })
    await db.live.create({ data: { meetingId: meeting.id, activeMeetingId: meeting.id, requestedById: teacher.id, status: "RUNNING" } })
    await db.live.create({ data: { meetingId: ended.id, requestedById: teacher.id, status: "STOPPED" } })
    const after = await getAdminOverview()
    expect(after.users).toBeGreaterThanOrEqual(before.users + 1)
    expect(after.runningMeetings).toBeGreaterThanOrEqual(before.runningMeetings + 1)
    expect(after.activeLives).toBeGreaterThanOrEqual(before.activeLives + 1)
  })
})
