// « Changer mon mot de passe »: a signed-in account with a local password replaces it, giving the
// current one (a temporary one an admin handed over, or its own). The account no longer has to change
// it, the change is audited (never the password nor its hash), and every session of the account ends
// (whoever knew the old password may hold one): the page signs the person in again with the new one.
// Wrong current passwords count against the account like failed sign-ins (the same counter, key
// `user:<id>`): a stolen session cannot try passwords here faster than at the sign-in page.
import bcrypt from "bcryptjs"

import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { announceSessionsEnded } from "@/lib/events/sessions-ended-feed"
import { AppError } from "@/lib/errors"

import { hashPassword } from "@/lib/users/create-user"
import { endUserSessions } from "@/lib/users/end-user-sessions"
import type { ChangePasswordInput } from "@/lib/users/schemas"
import { DUMMY_HASH } from "@/lib/users/verify-credentials"

import { getSignInThrottle, isRateLimiterRes } from "./sign-in-throttle"

/**
 * Throws FORBIDDEN for an account without a local password (SSO only), INVALID_INPUT about the field
 * `currentPassword` when the current password is wrong, SIGN_IN_THROTTLED (details.retryAfterSeconds)
 * once the account's failures reach the sign-in limit; returns the username to sign in again with.
 */
export async function changeOwnPassword(actor: AuditActor, input: ChangePasswordInput): Promise<{ username: string }> {
  const throttle = await getSignInThrottle()
  const account = `user:${actor.id}`
  await throttle.account.consume(account).catch((refused: unknown) => {
    if (!isRateLimiterRes(refused)) throw new AppError("INTERNAL", { message: "password change limiter failed", cause: refused })
    throw new AppError("SIGN_IN_THROTTLED", {
      message: `password change blocked for ${account}`,
      details: { retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) },
    })
  })
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { username: true, passwordHash: true, isActive: true } })
  const ok = await bcrypt.compare(input.currentPassword, user?.passwordHash ?? DUMMY_HASH)
  if (!user?.isActive) throw new AppError("UNAUTHENTICATED")
  if (!user.passwordHash) throw new AppError("FORBIDDEN", { message: "no local password", details: { userId: actor.id } })
  if (!ok) throw new AppError("INVALID_INPUT", { message: "current password wrong", details: { field: "currentPassword" } })
  // The right password clears the account's failures, as a successful sign-in does.
  await throttle.account.delete(account).catch(() => undefined)
  const passwordHash = await hashPassword(input.newPassword)
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false } })
    await endUserSessions(actor.id, { tx })
    await recordAuditEntry(tx, actor, { action: "user.changePassword", entity: { type: "user", id: actor.id }, after: { passwordChanged: true } })
  })
  await announceSessionsEnded(actor.id)
  return { username: user.username }
}
