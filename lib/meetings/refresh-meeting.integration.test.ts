// A webhook's targeted refresh: one session read with getMeetingInfo (from the checksum-verifying BBB
// simulator) and written like the sync writes it; nothing else is touched, BBB down changes nothing.
import { randomUUID } from "node:crypto"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { createBbbClient } from "@/lib/bbb/client"
import { db } from "@/lib/db"
import { seedUser } from "@/prisma/seed/factories"
import { startBbbSimulator, type BbbSimulator } from "@/tools/bbb-simulator/server"

import { refreshMeeting } from "./refresh-meeting"

const SECRET = "refresh-secret"
let sim: BbbSimulator
let source: ReturnType<typeof createBbbClient>
const uid = () => randomUUID().slice(0, 8)

beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: SECRET })
  source = createBbbClient({ serverUrl: `${sim.url}/`, secret: SECRET, timeoutMs: 2_000 })
})

afterAll(async () => {
  await sim.close()
})

const rowsOf = (meetingID: string) =>
  db.meeting.findMany({
    where: { meetingId: meetingID },
    select: { id: true, name: true, endedAt: true, syncHash: true, attendees: { select: { fullName: true, role: true, userId: true, matchStatus: true, leftAt: true }, orderBy: { role: "asc" } } },
  })

describe("refreshMeeting", () => {
  it("writes a new session with its attendees and matches its moderators, leaving other sessions alone", async () => {
    const meetingID = `refresh-${uid()}`
    const other = `refresh-other-${uid()}`
    const teacher = await seedUser({ firstName: "Iris", lastName: `Webhook${uid()}`, role: "TEACHER" })
    sim.state.createMeeting({ meetingID: other, name: "Autre cours" })
    sim.state.createMeeting({ meetingID, name: "Cours créé à l'instant" })
    sim.state.addAttendee(meetingID, { fullName: `${teacher.firstName} ${teacher.lastName}`, role: "MODERATOR" })
    sim.state.addAttendee(meetingID, { fullName: "Élève Un", role: "VIEWER" })

    expect(await refreshMeeting({ source, meetingID })).toEqual({ changed: 1, endedMeetingIds: [], matchesChanged: 1 })
    const [row] = await rowsOf(meetingID)
    expect(row).toMatchObject({ name: "Cours créé à l'instant", endedAt: null, syncHash: null })
    expect(row!.attendees).toMatchObject([
      { fullName: `${teacher.firstName} ${teacher.lastName}`, role: "MODERATOR", userId: teacher.id, matchStatus: "BY_NAME" },
      { fullName: "Élève Un", role: "VIEWER", userId: null },
    ])
    expect(await rowsOf(other)).toEqual([]) // only the named session was read and written
  })

  it("marks who left, then ends the session when BBB no longer has it", async () => {
    const meetingID = `refresh-${uid()}`
    sim.state.createMeeting({ meetingID, name: "Cours qui se termine" })
    const student = sim.state.addAttendee(meetingID, { fullName: "Élève Parti", role: "VIEWER" })
    await refreshMeeting({ source, meetingID })
    sim.state.removeAttendee(meetingID, student.userID)
    await refreshMeeting({ source, meetingID })
    expect((await rowsOf(meetingID))[0]!.attendees[0]!.leftAt).not.toBeNull()

    sim.state.endMeeting(meetingID)
    const ended = await refreshMeeting({ source, meetingID })
    const [row] = await rowsOf(meetingID)
    expect(ended).toEqual({ changed: 0, endedMeetingIds: [row!.id], matchesChanged: 0 })
    expect(row!.endedAt).not.toBeNull()
    expect((await refreshMeeting({ source, meetingID })).endedMeetingIds).toEqual([]) // ended once
  })

  it("changes nothing when BBB does not answer", async () => {
    const meetingID = `refresh-${uid()}`
    sim.state.createMeeting({ meetingID, name: "Cours" })
    await refreshMeeting({ source, meetingID })
    const down = createBbbClient({ serverUrl: "http://127.0.0.1:9/", secret: SECRET, timeoutMs: 1_000 })
    await expect(refreshMeeting({ source: down, meetingID })).rejects.toMatchObject({ code: "BBB_UNAVAILABLE" })
    expect((await rowsOf(meetingID))[0]!.endedAt).toBeNull()
  })
})
