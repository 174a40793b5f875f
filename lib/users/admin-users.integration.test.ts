import { randomUUID } from "node:crypto"

import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { matchAttendees } from "@/lib/meetings/match-attendees"
import { seedAttendee, seedMeeting, seedUser } from "@/prisma/seed/factories"

import { findSessionUser } from "../auth/find-session-user"
import { createUserAsAdmin } from "./create-user-as-admin"
import { findLoginAccountId } from "./find-login-account-id"
import { listAdminUsers } from "./list-admin-users"
import { resetUserPassword } from "./reset-user-password"
import { adminCreateUserInputSchema, adminUsersParamsSchema, updateUserInputSchema } from "./schemas"
import { searchUsers } from "./search-users"
import { setUserActive } from "./set-user-active"
import { updateUser } from "./update-user"
import { verifyCredentials } from "./verify-credentials"

const tag = () => randomUUID().slice(0, 8)

async function auditOf(entityId: number) {
  return db.auditEntry.findMany({ where: { entityType: "user", entityId: String(entityId) }, orderBy: { id: "asc" } })
}

async function moderator(fullName: string, extUserId: string | null = null) {
  const meeting = await seedMeeting()
  const attendee = await seedAttendee({ meetingId: meeting.id, fullName, extUserId })
  await matchAttendees([attendee.id])
  return attendee
}

const attendee = (id: number) => db.attendee.findUniqueOrThrow({ where: { id }, select: { userId: true, matchStatus: true } })

describe("admin users", () => {
  it("lists and searches accounts, filtered by role and state, paged", async () => {
    const t = tag()
    const teacher = await seedUser({ role: "TEACHER", lastName: `Liste${t}` })
    const student = await seedUser({ role: "STUDENT", lastName: `Liste${t}` })
    const admin = await seedUser({ role: "ADMIN" })
    await setUserActive({ userId: student.id, isActive: false }, admin)
    const params = (raw: Record<string, string>) => adminUsersParamsSchema.parse({ q: `liste${t}`, ...raw })
    expect((await listAdminUsers(params({}))).rows.map((u) => u.id).sort()).toEqual([teacher.id, student.id].sort())
    expect((await listAdminUsers(params({ role: "TEACHER" }))).rows.map((u) => u.id)).toEqual([teacher.id])
    expect((await listAdminUsers(params({ status: "inactive" }))).rows.map((u) => u.id)).toEqual([student.id])
    const firstPage = await listAdminUsers(params({ pageSize: "10", sort: "id", dir: "asc" }))
    expect(firstPage).toMatchObject({ total: 2, pageCount: 1, page: 1 })
    expect(firstPage.rows[0]).not.toHaveProperty("passwordHash")
  })

  it("creates an account with a temporary password shown once, matches it at once, and audits it without any secret", async () => {
    const t = tag()
    const admin = await seedUser({ role: "ADMIN" })
    const waiting = await moderator(`Nouvelle Venue${t}`)
    expect(await attendee(waiting.id)).toMatchObject({ matchStatus: "UNMATCHED" })
    const input = adminCreateUserInputSchema.parse({ username: `nv${t}`, email: `NV${t}@Example.test`, firstName: "Nouvelle", lastName: `Venue${t}`, role: "TEACHER", externalId: "" })
    const { user, temporaryPassword } = await createUserAsAdmin(input, admin)
    expect(user).toMatchObject({ username: `nv${t}`, email: `nv${t}@example.test`, role: "TEACHER", externalId: null, isActive: true })
    expect(temporaryPassword).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/)
    expect(await verifyCredentials({ username: `nv${t}`, password: temporaryPassword })).toMatchObject({ id: user.id })
    expect(await attendee(waiting.id)).toEqual({ userId: user.id, matchStatus: "BY_NAME" })
    const [entry] = await auditOf(user.id)
    expect(entry).toMatchObject({ action: "user.create", actorId: admin.id, before: null, after: { username: `nv${t}`, role: "TEACHER" } })
    expect(JSON.stringify(entry)).not.toMatch(/password|\$2[aby]\$/i)
  })

  it("refuses a taken username or e-mail under its field, and invalid input, creating nothing", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const other = await seedUser()
    const base = { email: `x${tag()}@example.test`, firstName: "A", lastName: "B", role: "STUDENT" }
    await expect(createUserAsAdmin(adminCreateUserInputSchema.parse({ ...base, username: other.username }), admin)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "username" },
    })
    await expect(createUserAsAdmin(adminCreateUserInputSchema.parse({ ...base, username: `u${tag()}`, email: other.email }), admin)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "email" },
    })
    const invalid = adminCreateUserInputSchema.safeParse({ username: "a b", email: "nope", firstName: " ", lastName: "B" })
    expect(invalid.success).toBe(false)
    expect(Object.fromEntries(invalid.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({ username: "usernameInvalid", email: "emailInvalid", firstName: "required" })
    expect(await db.user.count({ where: { email: base.email } })).toBe(0)
  })

  it("keeps usernames and e-mails unique whatever their case; signs in and links in any case, never a LIKE pattern", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const other = await seedUser()
    const base = { email: `x${tag()}@example.test`, firstName: "A", lastName: "B", role: "STUDENT" }
    await expect(createUserAsAdmin(adminCreateUserInputSchema.parse({ ...base, username: other.username.toUpperCase() }), admin)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "username" },
    })
    // The schema lowers a typed e-mail; a row stored in another case (older data, SSO) still conflicts.
    await db.user.update({ where: { id: other.id }, data: { email: other.email.toUpperCase() } })
    await expect(createUserAsAdmin(adminCreateUserInputSchema.parse({ ...base, username: `u${tag()}`, email: other.email }), admin)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "email" },
    })
    expect(await verifyCredentials({ username: other.username.toUpperCase(), password: other.password })).toMatchObject({ id: other.id })
    expect(await verifyCredentials({ username: other.email.toLowerCase(), password: other.password })).toMatchObject({ id: other.id })
    // "_" and "%" are letters of a username, not wildcards.
    const t = tag()
    const underscored = await createUserAsAdmin(adminCreateUserInputSchema.parse({ ...base, email: `y${t}@example.test`, username: `a_${t}` }), admin)
    expect(await findLoginAccountId(`aX${t}`)).toBeNull()
    expect(await findLoginAccountId(`a%${t}`)).toBeNull()
    expect(await findLoginAccountId(`A_${t}`)).toBe(underscored.user.id)
  })

  it("edits role, names and external id: a rename re-matches under the old and new names; audited with before/after", async () => {
    const t = tag()
    const admin = await seedUser({ role: "ADMIN" })
    const user = await seedUser({ role: "STUDENT", firstName: "Anne", lastName: `Avant${t}` })
    const namesake = await seedUser({ role: "TEACHER", firstName: "Anne", lastName: `Avant${t}` })
    const oldName = await moderator(`Anne Avant${t}`)
    const newName = await moderator(`Anne Après${t}`)
    const byId = await moderator(`Quelqu'un ${t}`, `ext-${t}`)
    expect(await attendee(oldName.id)).toMatchObject({ matchStatus: "AMBIGUOUS" })

    const updated = await updateUser(updateUserInputSchema.parse({ userId: user.id, firstName: "Anne", lastName: `Après${t}`, role: "TEACHER", externalId: `ext-${t}` }), admin)
    expect(updated).toMatchObject({ lastName: `Après${t}`, role: "TEACHER", externalId: `ext-${t}` })
    // The old name now has one bearer, the new one is this account, and so is the external id.
    expect(await attendee(oldName.id)).toEqual({ userId: namesake.id, matchStatus: "BY_NAME" })
    expect(await attendee(newName.id)).toEqual({ userId: user.id, matchStatus: "BY_NAME" })
    expect(await attendee(byId.id)).toEqual({ userId: user.id, matchStatus: "BY_EXTERNAL_ID" })
    const entries = await auditOf(user.id)
    expect(entries.at(-1)).toMatchObject({
      action: "user.update",
      before: { lastName: `Avant${t}`, role: "STUDENT", externalId: null },
      after: { lastName: `Après${t}`, role: "TEACHER", externalId: `ext-${t}` },
    })
  })

  it("edits the username and e-mail, unique whatever the case, audited; a save that changes nothing writes no entry", async () => {
    const t = tag()
    const admin = await seedUser({ role: "ADMIN" })
    const user = await seedUser()
    const other = await seedUser()
    const form = { userId: user.id, firstName: user.firstName, lastName: user.lastName, role: "STUDENT" }
    await expect(updateUser(updateUserInputSchema.parse({ ...form, username: other.username.toUpperCase() }), admin)).rejects.toMatchObject({ code: "CONFLICT", details: { field: "username" } })
    await expect(updateUser(updateUserInputSchema.parse({ ...form, email: other.email.toUpperCase() }), admin)).rejects.toMatchObject({ code: "CONFLICT", details: { field: "email" } })
    const updated = await updateUser(updateUserInputSchema.parse({ ...form, username: `renamed-${t}`, email: `Renamed-${t}@Example.test` }), admin)
    expect(updated).toMatchObject({ username: `renamed-${t}`, email: `renamed-${t}@example.test` })
    expect(await verifyCredentials({ username: `RENAMED-${t}`, password: user.password })).toMatchObject({ id: user.id })
    expect((await auditOf(user.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      ["user.update", { username: user.username, email: user.email }, { username: `renamed-${t}`, email: `renamed-${t}@example.test` }],
    ])
    await updateUser(updateUserInputSchema.parse({ ...form, username: `renamed-${t}` }), admin)
    expect(await auditOf(user.id)).toHaveLength(1)
  })

  it("refuses an invalid edit, a taken external id, an unknown account and demoting oneself, changing nothing", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const user = await seedUser({ role: "STUDENT" })
    const other = await seedUser({ externalId: `taken-${tag()}` })
    const invalid = updateUserInputSchema.safeParse({ userId: user.id, firstName: "", lastName: "x".repeat(151), role: "BOSS" })
    expect(Object.fromEntries(invalid.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({ firstName: "required", lastName: "tooLong", role: "roleInvalid" })
    const edit = { userId: user.id, firstName: "A", lastName: "B", role: "TEACHER" }
    await expect(updateUser(updateUserInputSchema.parse({ ...edit, externalId: (await db.user.findUniqueOrThrow({ where: { id: other.id } })).externalId }), admin)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "externalId" },
    })
    await expect(updateUser(updateUserInputSchema.parse({ ...edit, userId: 999_999_999 }), admin)).rejects.toMatchObject({ code: "NOT_FOUND" })
    await expect(updateUser(updateUserInputSchema.parse({ ...edit, userId: admin.id }), admin)).rejects.toMatchObject({ code: "OWN_ACCOUNT" })
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ firstName: user.firstName, role: "STUDENT" })
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN" })
    expect(await auditOf(user.id)).toEqual([])
  })

  it("deactivates an account: no sign-in, no session, no match; reactivates it; never oneself", async () => {
    const t = tag()
    const admin = await seedUser({ role: "ADMIN" })
    const user = await seedUser({ role: "TEACHER", firstName: "Désactivé", lastName: `Bientôt${t}` })
    const matched = await moderator(`Désactivé Bientôt${t}`)
    expect(await attendee(matched.id)).toEqual({ userId: user.id, matchStatus: "BY_NAME" })

    await setUserActive({ userId: user.id, isActive: false }, admin)
    expect(await verifyCredentials({ username: user.username, password: user.password })).toBeNull()
    expect(await findSessionUser({ userId: user.id, sessionVersion: 0 })).toBeNull()
    expect(await attendee(matched.id)).toEqual({ userId: null, matchStatus: "UNMATCHED" })
    expect(await searchUsers(`Bientôt${t}`)).toEqual([])

    await setUserActive({ userId: user.id, isActive: true }, admin)
    expect(await verifyCredentials({ username: user.username, password: user.password })).toMatchObject({ id: user.id })
    expect(await attendee(matched.id)).toEqual({ userId: user.id, matchStatus: "BY_NAME" })
    expect((await auditOf(user.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      ["user.deactivate", { isActive: true }, { isActive: false }],
      ["user.reactivate", { isActive: false }, { isActive: true }],
    ])
    await expect(setUserActive({ userId: admin.id, isActive: false }, admin)).rejects.toMatchObject({ code: "OWN_ACCOUNT" })
    expect(await findSessionUser({ userId: admin.id, sessionVersion: 0 })).not.toBeNull()
  })

  it("resets a local password: the old one stops working, the new one is returned once and never audited", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const user = await seedUser()
    const { temporaryPassword } = await resetUserPassword({ userId: user.id }, admin)
    expect(await verifyCredentials({ username: user.username, password: user.password })).toBeNull()
    expect(await verifyCredentials({ username: user.username, password: temporaryPassword })).toMatchObject({ id: user.id })
    const entries = await auditOf(user.id)
    expect(entries.map((e) => [e.action, e.after])).toEqual([["user.resetPassword", { passwordReset: true }]])
    expect(JSON.stringify(entries)).not.toContain(temporaryPassword)
    await expect(resetUserPassword({ userId: 999_999_999 }, admin)).rejects.toMatchObject({ code: "NOT_FOUND" })
  })

  it("finds active accounts by name words (accents ignored), username or e-mail", async () => {
    const t = tag()
    const user = await seedUser({ role: "TEACHER", firstName: "Éloïse", lastName: `Cherchée${t}` })
    expect((await searchUsers(`eloise cherchee${t}`)).map((u) => u.id)).toEqual([user.id])
    expect((await searchUsers(`CHERCHÉE${t} Éloïse`)).map((u) => u.id)).toEqual([user.id])
    expect((await searchUsers(user.username.toUpperCase())).map((u) => u.id)).toEqual([user.id])
    expect(await searchUsers("   ")).toEqual([])
  })
})
