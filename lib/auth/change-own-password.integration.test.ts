// Issue 30 item 7: a temporary password (new account, reset) must be changed at the next sign-in;
// « Changer mon mot de passe » checks the current one, applies the same rules as elsewhere, audits,
// and ends the account's sessions.
import { randomUUID } from "node:crypto"

import { describe, expect, it } from "vitest"

import { findSessionUser } from "@/lib/auth/find-session-user"
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { isAppError } from "@/lib/errors"
import { seedUser } from "@/prisma/seed/factories"

import { createUserAsAdmin } from "@/lib/users/create-user-as-admin"
import { getSessionStamp } from "@/lib/users/end-user-sessions"
import { resetUserPassword } from "@/lib/users/reset-user-password"
import { adminCreateUserInputSchema, changePasswordInputSchema } from "@/lib/users/schemas"
import { verifyCredentials } from "@/lib/users/verify-credentials"

import { changeOwnPassword } from "./change-own-password"
import { signInWithPassword } from "./sign-in-with-password"

const flagOf = async (id: number) => (await getSessionStamp(id))?.mustChangePassword
const errorsOf = (raw: Record<string, string>) => {
  const parsed = changePasswordInputSchema.safeParse(raw)
  return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]))
}

describe("changing one's own password", () => {
  it("is required after an admin creates the account or resets its password, and no longer once chosen", async () => {
    const t = randomUUID().slice(0, 8)
    const admin = await seedUser({ role: "ADMIN" })
    const input = adminCreateUserInputSchema.parse({ username: `tmp${t}`, email: `tmp${t}@example.test`, firstName: "Tom", lastName: `Tmp${t}`, role: "STUDENT" })
    const { user, temporaryPassword } = await createUserAsAdmin(input, admin)
    expect(await flagOf(user.id)).toBe(true)
    expect(await findSessionUser({ userId: user.id, sessionVersion: 0 })).toMatchObject({ hasPassword: true, mustChangePassword: true })

    const actor = { id: user.id, firstName: "Tom", lastName: `Tmp${t}` }
    const { username } = await changeOwnPassword(actor, changePasswordInputSchema.parse({ currentPassword: temporaryPassword, newPassword: "mon-mot-de-passe", confirmPassword: "mon-mot-de-passe" }))
    expect(username).toBe(`tmp${t}`)
    expect(await flagOf(user.id)).toBe(false)
    expect(await verifyCredentials({ username, password: "mon-mot-de-passe" })).toMatchObject({ id: user.id })
    expect(await verifyCredentials({ username, password: temporaryPassword })).toBeNull()
    // The sessions of the old password end; audited without any secret.
    expect(await getSessionStamp(user.id)).toMatchObject({ sessionVersion: 1 })
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityType: "user", entityId: String(user.id), action: "user.changePassword" } })
    expect(entry).toMatchObject({ actorId: user.id })
    expect(JSON.stringify(entry)).not.toContain("mon-mot-de-passe")

    await resetUserPassword({ userId: user.id }, admin)
    expect(await flagOf(user.id)).toBe(true)
  })

  it("refuses a wrong current password under its field, changing nothing", async () => {
    const user = await seedUser()
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true } })
    const error = await changeOwnPassword(user, changePasswordInputSchema.parse({ currentPassword: "wrong-one", newPassword: "a-new-password", confirmPassword: "a-new-password" })).catch((e: unknown) => e)
    expect(isAppError(error) && { code: error.code, field: error.details?.field }).toEqual({ code: "INVALID_INPUT", field: "currentPassword" })
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true } })).toEqual(before)
    expect(await db.auditEntry.count({ where: { entityType: "user", entityId: String(user.id), action: "user.changePassword" } })).toBe(0)
  })

  it("counts wrong current passwords as failed sign-ins: at the limit the page and the sign-in refuse the account, even its right password", async () => {
    const user = await seedUser({ password: "the-right-password" })
    const input = (currentPassword: string) => changePasswordInputSchema.parse({ currentPassword, newPassword: "a-new-password", confirmPassword: "a-new-password" })
    const codeOf = async (promise: Promise<unknown>) => promise.then(() => "accepted", (e: unknown) => (isAppError(e) ? e.code : String(e)))
    const { LOGIN_ACCOUNT_MAX_FAILURES } = getEnv()
    for (let i = 0; i < LOGIN_ACCOUNT_MAX_FAILURES; i += 1) expect(await codeOf(changeOwnPassword(user, input(`guess-${i}`)))).toBe("INVALID_INPUT")
    expect(await codeOf(changeOwnPassword(user, input("the-right-password")))).toBe("SIGN_IN_THROTTLED")
    expect(await codeOf(signInWithPassword({ username: user.username, password: "the-right-password" }, { ip: "2001:db8:30::7" }))).toBe("SIGN_IN_THROTTLED")
    expect(await verifyCredentials({ username: user.username, password: "the-right-password" })).toMatchObject({ id: user.id })
  })

  it("clears the failures on the right password, as a successful sign-in does", async () => {
    const user = await seedUser({ password: "the-right-password" })
    const input = (currentPassword: string, newPassword: string) => changePasswordInputSchema.parse({ currentPassword, newPassword, confirmPassword: newPassword })
    const { LOGIN_ACCOUNT_MAX_FAILURES } = getEnv()
    for (let i = 0; i < LOGIN_ACCOUNT_MAX_FAILURES - 1; i += 1) await changeOwnPassword(user, input(`guess-${i}`, "a-new-password")).catch(() => undefined)
    await changeOwnPassword(user, input("the-right-password", "second-password"))
    await expect(changeOwnPassword(user, input("second-password", "third-password"))).resolves.toMatchObject({ username: user.username })
  })

  it("refuses an account without a local password (SSO only)", async () => {
    const user = await seedUser()
    await db.user.update({ where: { id: user.id }, data: { passwordHash: null } })
    expect(await findSessionUser({ userId: user.id, sessionVersion: 0 })).toMatchObject({ hasPassword: false })
    const error = await changeOwnPassword(user, changePasswordInputSchema.parse({ currentPassword: "x", newPassword: "a-new-password", confirmPassword: "a-new-password" })).catch((e: unknown) => e)
    expect(isAppError(error) && error.code).toBe("FORBIDDEN")
  })

  it("applies the same rules as elsewhere, each error under its field", () => {
    expect(errorsOf({ currentPassword: "", newPassword: "court", confirmPassword: "autre" })).toEqual({ currentPassword: "currentRequired", newPassword: "passwordTooShort", confirmPassword: "passwordMismatch" })
    expect(errorsOf({ currentPassword: "old-password", newPassword: "x".repeat(201), confirmPassword: "x".repeat(201) })).toEqual({ newPassword: "passwordTooLong" })
    expect(errorsOf({ currentPassword: "old-password", newPassword: "new-password", confirmPassword: "new-passw0rd" })).toEqual({ confirmPassword: "passwordMismatch" })
    expect(errorsOf({ currentPassword: "same-password", newPassword: "same-password", confirmPassword: "same-password" })).toEqual({ newPassword: "passwordUnchanged" })
    expect(errorsOf({ currentPassword: "old-password", newPassword: "new-password", confirmPassword: "new-password" })).toBeNull()
  })
})
