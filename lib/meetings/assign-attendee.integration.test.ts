import { randomUUID } from "node:crypto"

import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { seedMeeting, seedUser } from "@/prisma/seed/factories"
import { normalizeName } from "@/lib/users/normalize-name"

import { assignAttendee } from "./assign-attendee"
import { listAttendeesToMatch } from "./list-attendees-to-match"
import { matchAttendees } from "./match-attendees"

async function moderator(fullName: string) {
  const meeting = await seedMeeting()
  const attendee = await db.attendee.create({
    data: { meetingId: meeting.id, attendeeKey: randomUUID(), fullName, normalizedName: normalizeName(fullName), role: "MODERATOR", lastSeenAt: new Date() },
  })
  await matchAttendees([attendee.id])
  return attendee
}

describe("admin matching", () => {
  it("lists ambiguous moderators with their candidates, and unmatched ones", async () => {
    const last = `Homonyme${randomUUID().slice(0, 6)}`
    const a = await seedUser({ role: "TEACHER", firstName: "Marie", lastName: last })
    const b = await seedUser({ role: "TEACHER", firstName: "Marie", lastName: last })
    const ambiguous = await moderator(`Marie ${last}`)
    const unknown = await moderator(`Inconnu ${last}`)
    const rows = await listAttendeesToMatch()
    expect(rows.find((r) => r.id === ambiguous.id)).toMatchObject({
      matchStatus: "AMBIGUOUS",
      candidates: [{ id: a.id }, { id: b.id }],
    })
    expect(rows.find((r) => r.id === unknown.id)).toMatchObject({ matchStatus: "UNMATCHED", candidates: [] })
  })

  it("links by hand (kept by later matching), and hands back to automatic matching", async () => {
    const last = `Choix${randomUUID().slice(0, 6)}`
    const admin = await seedUser({ role: "ADMIN" })
    const chosen = await seedUser({ role: "TEACHER", firstName: "Paul", lastName: last })
    await seedUser({ role: "TEACHER", firstName: "Paul", lastName: last })
    const attendee = await moderator(`Paul ${last}`)
    expect(await assignAttendee({ attendeeId: attendee.id, username: chosen.username }, admin)).toEqual({ userId: chosen.id, matchStatus: "BY_ADMIN" })
    await matchAttendees([attendee.id])
    expect(await db.attendee.findUniqueOrThrow({ where: { id: attendee.id } })).toMatchObject({ userId: chosen.id, matchStatus: "BY_ADMIN" })
    expect((await listAttendeesToMatch()).some((r) => r.id === attendee.id)).toBe(false)

    expect(await assignAttendee({ attendeeId: attendee.id, username: undefined }, admin)).toEqual({ userId: null, matchStatus: "AMBIGUOUS" })
  })

  it("refuses non-admins, unknown attendees and unknown usernames", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const admin = await seedUser({ role: "ADMIN" })
    const attendee = await moderator(`Quelqu'un ${randomUUID().slice(0, 6)}`)
    await expect(assignAttendee({ attendeeId: attendee.id, username: teacher.username }, teacher)).rejects.toMatchObject({ code: "FORBIDDEN" })
    await expect(assignAttendee({ attendeeId: 999_999_999, username: teacher.username }, admin)).rejects.toMatchObject({ code: "NOT_FOUND" })
    await expect(assignAttendee({ attendeeId: attendee.id, username: "no-such-user" }, admin)).rejects.toMatchObject({ code: "INVALID_INPUT" })
  })
})
