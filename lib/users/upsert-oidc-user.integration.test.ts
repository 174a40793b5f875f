import { randomUUID } from "node:crypto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { resetEnvCache } from "@/lib/config/env"
import { db } from "@/lib/db"
import { sendMail } from "@/lib/mail/send-mail"
import { seedUser } from "@/prisma/seed/factories"

import { getUserForAdmin } from "./get-user-for-admin"
import { oidcProfileSchema, upsertOidcUser } from "./upsert-oidc-user"

// The admins' mail is the one outside effect checked here: record it instead of sending it.
vi.mock("@/lib/mail/send-mail", () => ({ sendMail: vi.fn(async () => true) }))

const SETTINGS = ["OIDC_ROLE_CLAIM", "OIDC_TEACHER_VALUES", "OIDC_ADMIN_VALUES", "OIDC_TRUST_EMAIL"]

function withSettings(settings: Record<string, string>) {
  Object.assign(process.env, settings)
  resetEnvCache()
}

beforeEach(() => vi.mocked(sendMail).mockClear())
afterEach(() => {
  for (const key of SETTINGS) delete process.env[key]
  resetEnvCache()
})

function identity(claims: Record<string, unknown> = {}) {
  const sub = randomUUID()
  return { sub, email: `oidc-${sub}@univ.example`, given_name: "Chloé", family_name: "Dupré", preferred_username: `cdupre-${sub}`, ...claims }
}

async function roleOf(id: number) {
  return (await db.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role
}

describe("upsertOidcUser", () => {
  it("creates an account with the default role on first sign-in, then finds it by subject", async () => {
    const sub = randomUUID()
    const email = `oidc-${sub}@univ.example`
    const created = await upsertOidcUser({ sub, email: email.toUpperCase(), given_name: "Chloé", family_name: "Dupré", preferred_username: `cdupre-${sub}` })
    expect(created).toMatchObject({ role: "STUDENT", firstName: "Chloé", lastName: "Dupré", email })
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } })
    expect(row).toMatchObject({ oidcSubject: sub, username: `cdupre-${sub}`, nameKeyFirstLast: "chloe dupre", passwordHash: null })

    const again = await upsertOidcUser({ sub, email, given_name: "Chloé", family_name: "Dupré-Martin" })
    expect(again.id).toBe(created.id)
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).nameKeyFirstLast).toBe("chloe dupre martin")
  })

  it("links an existing local account with the same e-mail when the provider says the e-mail is verified", async () => {
    const local = await seedUser({ role: "TEACHER" })
    const sub = randomUUID()
    const linked = await upsertOidcUser({ sub, email: local.email, email_verified: true, given_name: local.firstName, family_name: local.lastName })
    expect(linked).toMatchObject({ id: local.id, role: "TEACHER" })
    expect((await db.user.findUniqueOrThrow({ where: { id: local.id } })).oidcSubject).toBe(sub)
    expect(sendMail).not.toHaveBeenCalled()
  })

  it("links on an unverified e-mail only with OIDC_TRUST_EMAIL (a string \"true\" counts as verified)", async () => {
    const local = await seedUser()
    const fromProvider = oidcProfileSchema.parse({ sub: randomUUID(), email: local.email, email_verified: "true", given_name: "A", family_name: "B" })
    expect(await upsertOidcUser(fromProvider)).toMatchObject({ id: local.id })

    withSettings({ OIDC_TRUST_EMAIL: "true" })
    const other = await seedUser()
    expect(await upsertOidcUser({ sub: randomUUID(), email: other.email.toUpperCase(), given_name: "A", family_name: "B" })).toMatchObject({ id: other.id })
  })

  it("creates a separate account when the e-mail is not verified, and tells the admins of the possible duplicate", async () => {
    const local = await seedUser({ role: "TEACHER" })
    const profile = { sub: randomUUID(), email: local.email, email_verified: false, given_name: local.firstName, family_name: local.lastName }
    const created = await upsertOidcUser(profile)
    expect(created.id).not.toBe(local.id)
    expect(created.email).toMatch(/^sso-[0-9a-f]{16}@unlinked\.invalid$/)
    expect(created.role).toBe("STUDENT")
    expect((await db.user.findUniqueOrThrow({ where: { id: local.id } })).oidcSubject).toBeNull()
    expect(sendMail).toHaveBeenCalledTimes(1)
    const mail = vi.mocked(sendMail).mock.calls[0]![0]
    expect(mail.subject).toContain(`Possible duplicate account: ${local.email}`)
    expect(mail.text).toContain(`(id ${local.id})`)
    expect(mail.text).toContain(`New account: id ${created.id}`)

    // The next sign-in finds the separate account by its subject, and says nothing more.
    expect((await upsertOidcUser(profile)).id).toBe(created.id)
    expect(sendMail).toHaveBeenCalledTimes(1)
  })

  it("never takes over an account already linked to another SSO identity, even with a verified e-mail", async () => {
    const first = await upsertOidcUser(identity({ email_verified: true }))
    const intruder = await upsertOidcUser({ sub: randomUUID(), email: first.email, email_verified: true, given_name: "X", family_name: "Y" })
    expect(intruder.id).not.toBe(first.id)
    expect(sendMail).toHaveBeenCalledTimes(1)
    expect(vi.mocked(sendMail).mock.calls[0]![0].text).toContain("already linked to another SSO identity")
  })

  it("gives the directory's role at every sign-in, scalar or array claims in any case, unless an admin pinned it", async () => {
    withSettings({ OIDC_ROLE_CLAIM: "eduPersonAffiliation" })
    const teacher = identity({ eduPersonAffiliation: ["member", "FACULTY"] })
    const created = await upsertOidcUser(teacher)
    expect(created.role).toBe("TEACHER")
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { sessionVersion: true } })

    // A departure at the directory: the next sign-in demotes, and ends the account's other sessions.
    await upsertOidcUser({ ...teacher, eduPersonAffiliation: "student" })
    expect(await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { role: true, sessionVersion: true } })).toEqual({ role: "STUDENT", sessionVersion: sessionVersion + 1 })

    // Pinned by an admin: the directory no longer changes it.
    await db.user.update({ where: { id: created.id }, data: { role: "TEACHER", rolePinned: true } })
    await upsertOidcUser({ ...teacher, eduPersonAffiliation: "student" })
    expect(await roleOf(created.id)).toBe("TEACHER")
  })

  it("tells the admin page what sets the role, and offers the pin only where the directory sets roles", async () => {
    const sso = await upsertOidcUser(identity())
    const local = await seedUser({ role: "TEACHER" })
    // No OIDC_ROLE_CLAIM: the admins alone decide, and there is nothing to pin against.
    expect(await getUserForAdmin(sso.id)).toMatchObject({ roleSource: "admin", mayPinRole: false })
    expect(await getUserForAdmin(local.id)).toMatchObject({ roleSource: "admin", mayPinRole: false })

    withSettings({ OIDC_ROLE_CLAIM: "eduPersonAffiliation" })
    expect(await getUserForAdmin(sso.id)).toMatchObject({ roleSource: "directory", mayPinRole: true })
    expect(await getUserForAdmin(local.id)).toMatchObject({ roleSource: "admin", mayPinRole: true })

    // A pin stays visible (and can be taken off) even once the claim is no longer configured.
    await db.user.update({ where: { id: sso.id }, data: { rolePinned: true } })
    delete process.env.OIDC_ROLE_CLAIM
    resetEnvCache()
    expect(await getUserForAdmin(sso.id)).toMatchObject({ roleSource: "pinned", mayPinRole: true })
    expect(await getUserForAdmin(-1)).toBeNull()
  })

  it("keeps the role when the provider does not release the claim, and leaves ADMIN alone unless admin values are set", async () => {
    withSettings({ OIDC_ROLE_CLAIM: "groups", OIDC_TEACHER_VALUES: "enseignants" })
    expect((await upsertOidcUser(identity())).role).toBe("STUDENT") // no claim: OIDC_DEFAULT_ROLE
    expect((await upsertOidcUser(identity({ groups: "Enseignants" }))).role).toBe("TEACHER")

    const admin = identity({ groups: ["enseignants"] })
    const adminUser = await upsertOidcUser(admin)
    await db.user.update({ where: { id: adminUser.id }, data: { role: "ADMIN" } })
    expect((await upsertOidcUser(admin)).role).toBe("ADMIN")

    withSettings({ OIDC_ADMIN_VALUES: "dsi-admins" })
    expect((await upsertOidcUser(admin)).role).toBe("TEACHER")
    expect((await upsertOidcUser({ ...admin, groups: ["enseignants", "DSI-admins"] })).role).toBe("ADMIN")
  })
})
