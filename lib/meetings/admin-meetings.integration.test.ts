import { describe, expect, it } from "vitest"

import { parseListParams } from "@/lib/lists/list-params"
import { db } from "@/lib/db"
import { seedAttendee, seedMeeting, seedUser, uniqueSuffix } from "@/prisma/seed/factories"

import { getAdminMeeting } from "./get-admin-meeting"
import { listAdminMeetings } from "./list-admin-meetings"
import { adminMeetingsParamsSchema } from "./schemas"

const params = (raw: Record<string, string>) => parseListParams(adminMeetingsParamsSchema, raw)

describe("listAdminMeetings", () => {
  it("searches by name or BBB meeting id, filters by state, recording and date, sorts and pages", async () => {
    const tag = `Histoire${uniqueSuffix()}`
    const running = await seedMeeting({ name: `${tag} CM`, running: true })
    const ended = await seedMeeting({ name: `${tag} TD`, running: false })
    await db.meeting.update({ where: { id: ended.id }, data: { recorded: true, sessionDate: new Date("2026-11-03T09:00:00Z") } })
    await db.meeting.update({ where: { id: running.id }, data: { sessionDate: new Date("2026-11-05T09:00:00Z") } })

    const ids = async (raw: Record<string, string>) => (await listAdminMeetings(params(raw))).rows.map((r) => r.id)
    expect(await ids({ q: tag.toLowerCase(), sort: "id", dir: "asc" })).toEqual([running.id, ended.id])
    expect(await ids({ q: ended.meetingId })).toEqual([ended.id])
    expect(await ids({ q: tag, state: "running" })).toEqual([running.id])
    expect(await ids({ q: tag, state: "ended" })).toEqual([ended.id])
    expect(await ids({ q: tag, recorded: "yes" })).toEqual([ended.id])
    expect(await ids({ q: tag, from: "2026-11-04" })).toEqual([running.id])
    expect(await ids({ q: tag, sort: "sessionDate", dir: "asc" })).toEqual([ended.id, running.id])
    expect(await ids({ q: tag, sort: "name", dir: "desc" })).toEqual([ended.id, running.id])
    const page = await listAdminMeetings(params({ q: tag, pageSize: "10", page: "4" }))
    expect(page).toMatchObject({ total: 2, page: 1, pageCount: 1 })
    expect((await listAdminMeetings(params({ q: tag }), { all: true })).rows).toHaveLength(2)
  })
})

describe("getAdminMeeting", () => {
  it("gives the session with its attendees, moderators first, and their matched accounts", async () => {
    const meeting = await seedMeeting({ name: `Droit ${uniqueSuffix()}` })
    const teacher = await seedUser({ role: "TEACHER" })
    await seedAttendee({ meetingId: meeting.id, fullName: "Alice Viewer", role: "VIEWER" })
    await seedAttendee({ meetingId: meeting.id, fullName: "Zoé Prof", userId: teacher.id, matchStatus: "BY_ADMIN" })
    const found = await getAdminMeeting(meeting.id)
    expect(found).toMatchObject({ id: meeting.id, name: meeting.name, endedAt: null })
    expect(found?.attendees.map((a) => [a.fullName, a.matchStatus, a.user?.username ?? null])).toEqual([
      ["Zoé Prof", "BY_ADMIN", teacher.username],
      ["Alice Viewer", "UNMATCHED", null],
    ])
    expect(await getAdminMeeting(2_000_000_000)).toBeNull()
  })
})
