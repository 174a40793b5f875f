import { randomUUID } from "node:crypto"

import { describe, expect, it } from "vitest"

import { getAdminOverview } from "@/lib/admin/get-admin-overview"
import { db } from "@/lib/db"
import { seedAttendee, seedMeeting, seedUser } from "@/prisma/seed/factories"

import { assignAttendee } from "./assign-attendee"
import { ATTENDEES_TO_MATCH_WHERE } from "./attendees-to-match"
import { listAdminAttendees } from "./list-admin-attendees"
import { matchAttendees, matchNewModerators } from "./match-attendees"
import { rematchUser } from "./rematch-user"
import { adminAttendeesParamsSchema } from "./schemas"

/** The admin participants list's default view ("to match"), narrowed by a search. */
async function toMatch(q: string) {
  return (await listAdminAttendees(adminAttendeesParamsSchema.parse({ q, pageSize: "100" }))).rows
}

async function moderator(fullName: string) {
  const meeting = await seedMeeting()
  const attendee = await seedAttendee({ meetingId: meeting.id, fullName })
  await matchAttendees([attendee.id])
  return attendee
}

describe("admin matching", () => {
  it("lists ambiguous moderators with their candidates, and unmatched ones", async () => {
    const last = `Homonyme${randomUUID().slice(0, 6)}`
    const a = await seedUser({ role: "TEACHER", firstName: "Marie", lastName: last })
    const b = await seedUser({ role: "TEACHER", firstName: "Marie", lastName: last })
    const ambiguous = await moderator(`Marie ${last}`)
    // Only words of this test's own: a shared word ("Inconnu") would also bring other files' accounts.
    const unknown = await moderator(`Inconnu${randomUUID().slice(0, 6)} ${last}`)
    const rows = await toMatch(last)
    expect(rows.find((r) => r.id === ambiguous.id)).toMatchObject({
      matchStatus: "AMBIGUOUS",
      candidates: [{ id: a.id }, { id: b.id }],
    })
    // An unknown name is offered the staff accounts that share a name word with it.
    expect(rows.find((r) => r.id === unknown.id)).toMatchObject({ matchStatus: "UNMATCHED", candidates: [{ id: a.id }, { id: b.id }] })
  })

  it("offers namesake suggestions in one order (name, then account) whatever the rows' places on disk", async () => {
    const last = `Ordre${randomUUID().slice(0, 6)}`
    const a = await seedUser({ role: "TEACHER", firstName: "Marie", lastName: last })
    const b = await seedUser({ role: "TEACHER", firstName: "Marie", lastName: last })
    // Rewriting a's row (as any account edit does) moves its live version after b's: a scan then
    // meets b first, which is what other test files' writes to the shared users table also cause.
    await db.$executeRaw`UPDATE users SET updated_at = now() WHERE id = ${a.id}`
    const unknown = await moderator(`Sans${randomUUID().slice(0, 6)} ${last}`)
    expect((await toMatch(last)).find((r) => r.id === unknown.id)?.candidates.map((c) => c.id)).toEqual([a.id, b.id])
  })

  it("suggests staff accounts with a close name for an unknown moderator, never students or unrelated accounts", async () => {
    const last = `Proche${randomUUID().slice(0, 6)}`
    const teacher = await seedUser({ role: "TEACHER", firstName: "Hélène", lastName: last })
    await seedUser({ role: "STUDENT", firstName: "Hélène", lastName: last })
    await seedUser({ role: "TEACHER", firstName: "Hélène", lastName: `${last}x` }) // a longer word is not the same word
    const unknown = await moderator(`H. ${last}-Durand`)
    const strangerName = `Zz ${randomUUID().slice(0, 8)}`
    const stranger = await moderator(strangerName)
    const rows = [...(await toMatch(last)), ...(await toMatch(strangerName))]
    expect(rows.find((r) => r.id === unknown.id)?.candidates).toEqual([
      { id: teacher.id, username: teacher.username, name: `Hélène ${last}`, email: teacher.email, role: "TEACHER" },
    ])
    expect(rows.find((r) => r.id === stranger.id)).toMatchObject({ matchStatus: "UNMATCHED", candidates: [] })
  })

  it("counts for the admin overview exactly the moderators the matching page lists", async () => {
    const tag = randomUUID().slice(0, 8)
    const unknown = await moderator(`Inconnu ${tag}`)
    const ended = await seedMeeting({ running: false })
    const gone = await seedAttendee({ meetingId: ended.id, fullName: `Parti Ailleurs ${tag}` })
    const listed = new Set((await toMatch(tag)).map((r) => r.id))
    for (const [attendee, expected] of [[unknown, 1], [gone, 0]] as const) {
      expect(await db.attendee.count({ where: { ...ATTENDEES_TO_MATCH_WHERE, id: attendee.id } })).toBe(expected)
      expect(listed.has(attendee.id)).toBe(expected === 1)
    }
    expect((await getAdminOverview()).attendeesToMatch).toBeGreaterThanOrEqual(1)
  })

  it("links by hand (kept by later matching), and hands back to automatic matching", async () => {
    const last = `Choix${randomUUID().slice(0, 6)}`
    const admin = await seedUser({ role: "ADMIN" })
    const chosen = await seedUser({ role: "TEACHER", firstName: "Paul", lastName: last })
    await seedUser({ role: "TEACHER", firstName: "Paul", lastName: last })
    const attendee = await moderator(`Paul ${last}`)
    expect(await assignAttendee({ attendeeId: attendee.id, username: chosen.username }, admin)).toEqual({
      userId: chosen.id,
      matchStatus: "BY_ADMIN",
      fullName: `Paul ${last}`,
      user: { username: chosen.username, name: `Paul ${last}` },
    })
    await matchAttendees([attendee.id])
    expect(await db.attendee.findUniqueOrThrow({ where: { id: attendee.id } })).toMatchObject({ userId: chosen.id, matchStatus: "BY_ADMIN" })
    expect((await toMatch(last)).some((r) => r.id === attendee.id)).toBe(false)

    expect(await assignAttendee({ attendeeId: attendee.id, username: undefined }, admin)).toMatchObject({ userId: null, matchStatus: "AMBIGUOUS", user: null })

    // Both changes are in the audit log, with who made them and the link before and after.
    const entries = await db.auditEntry.findMany({ where: { entityType: "attendee", entityId: String(attendee.id) }, orderBy: { id: "asc" } })
    expect(entries.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ["attendee.assign", admin.id, { userId: null, username: null, matchStatus: "AMBIGUOUS" }, { userId: chosen.id, username: chosen.username, matchStatus: "BY_ADMIN" }],
      ["attendee.automatic", admin.id, { userId: chosen.id, username: chosen.username, matchStatus: "BY_ADMIN" }, { userId: null, username: null, matchStatus: "AMBIGUOUS" }],
    ])
  })

  it("links a moderator to a student account only on the admin's second click; a username in another case names its account", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const student = await seedUser({ role: "STUDENT" })
    const attendee = await moderator(`Modérateur ${randomUUID().slice(0, 6)}`)
    await expect(assignAttendee({ attendeeId: attendee.id, username: student.username }, admin)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "studentConfirmed" },
    })
    // Confirming another account does not confirm this one.
    await expect(assignAttendee({ attendeeId: attendee.id, username: student.username, studentConfirmed: "someone-else" }, admin)).rejects.toMatchObject({ code: "CONFLICT" })
    expect(await db.attendee.findUniqueOrThrow({ where: { id: attendee.id } })).toMatchObject({ userId: null })
    expect(await assignAttendee({ attendeeId: attendee.id, username: student.username.toUpperCase(), studentConfirmed: student.username }, admin)).toMatchObject({
      userId: student.id,
      matchStatus: "BY_ADMIN",
    })
  })

  it("keeps an admin's assignment through a later sync and a rename of the account", async () => {
    const last = `Garde${randomUUID().slice(0, 6)}`
    const admin = await seedUser({ role: "ADMIN" })
    const chosen = await seedUser({ role: "TEACHER" })
    await seedUser({ role: "TEACHER", firstName: "Léa", lastName: last })
    const attendee = await moderator(`Léa ${last}`)
    expect(await db.attendee.findUniqueOrThrow({ where: { id: attendee.id } })).toMatchObject({ matchStatus: "BY_NAME" })
    await assignAttendee({ attendeeId: attendee.id, username: chosen.username }, admin)
    await matchNewModerators([attendee.meetingId])
    await rematchUser(chosen.id)
    expect(await db.attendee.findUniqueOrThrow({ where: { id: attendee.id } })).toMatchObject({ userId: chosen.id, matchStatus: "BY_ADMIN" })
  })

  it("lists every participant for the admin: search, role and state filters, sort, pages, CSV rows", async () => {
    const t = randomUUID().slice(0, 8)
    const user = await seedUser({ role: "TEACHER", firstName: "Liste", lastName: `Participant${t}` })
    const matched = await moderator(`Liste Participant${t}`)
    const unknown = await moderator(`Inconnu Participant${t}`)
    const meeting = await seedMeeting({ name: `Session ${t}` })
    const viewer = await seedAttendee({ meetingId: meeting.id, fullName: `Spectateur Participant${t}`, role: "VIEWER" })
    const list = (raw: Record<string, string>, options?: { all?: boolean }) => listAdminAttendees(adminAttendeesParamsSchema.parse({ q: `participant${t}`, state: "all", ...raw }), options)
    expect((await list({ sort: "id", dir: "asc" })).rows.map((r) => r.id)).toEqual([matched.id, unknown.id, viewer.id])
    expect((await list({ role: "VIEWER" })).rows.map((r) => r.id)).toEqual([viewer.id])
    expect((await list({ state: "toMatch" })).rows.map((r) => r.id)).toEqual([unknown.id])
    // Without a state, the list shows what is left to an admin.
    expect((await listAdminAttendees(adminAttendeesParamsSchema.parse({ q: `participant${t}` }))).rows.map((r) => r.id)).toEqual([unknown.id])
    expect((await list({ state: "BY_NAME" })).rows).toMatchObject([{ id: matched.id, user: { id: user.id, username: user.username, name: `Liste Participant${t}` } }])
    // The linked account's username is searched too.
    expect((await listAdminAttendees(adminAttendeesParamsSchema.parse({ q: user.username, state: "all" }))).rows.map((r) => r.id)).toEqual([matched.id])
    const sorted = await list({ sort: "fullName", dir: "asc", pageSize: "10" })
    expect(sorted.rows.map((r) => r.fullName)).toEqual([`Inconnu Participant${t}`, `Liste Participant${t}`, `Spectateur Participant${t}`])
    expect(sorted).toMatchObject({ total: 3, pageCount: 1 })
    // The unknown moderator of a running session comes with the accounts to pick from.
    expect((await list({ state: "toMatch" })).rows[0]!.candidates.map((c) => c.id)).toContain(user.id)
    expect((await list({}, { all: true })).rows).toHaveLength(3)
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
