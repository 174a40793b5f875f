import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { seedAttendee, seedMeeting } from "@/prisma/seed/factories"

import { purgeMeetings } from "./purge-meetings"

const DAY = 24 * 3600 * 1000

describe("purgeMeetings", () => {
  it("deletes ended, unpublished meetings older than the setting, and keeps the others", async () => {
    const now = new Date()
    const old = new Date(now.getTime() - 40 * DAY)
    const oldEnded = await seedMeeting({ running: false })
    const oldPublished = await seedMeeting({ running: false })
    const oldRunning = await seedMeeting({ running: true })
    const recentEnded = await seedMeeting({ running: false })
    await db.meeting.updateMany({ where: { id: { in: [oldEnded.id, oldPublished.id, oldRunning.id] } }, data: { sessionDate: old } })
    await db.meeting.update({ where: { id: oldPublished.id }, data: { publishedAt: now } })
    await seedAttendee({ meetingId: oldEnded.id, lastSeenAt: old })

    expect(await purgeMeetings({ now, days: 0 })).toEqual({ deleted: 0 })
    const result = await purgeMeetings({ now, days: 30 })
    expect(result.deleted).toBeGreaterThanOrEqual(1)
    const left = await db.meeting.findMany({ where: { id: { in: [oldEnded.id, oldPublished.id, oldRunning.id, recentEnded.id] } }, select: { id: true } })
    expect(left.map((m) => m.id).sort()).toEqual([oldPublished.id, oldRunning.id, recentEnded.id].sort())
    expect(await db.attendee.count({ where: { meetingId: oldEnded.id } })).toBe(0)
  })
})
