// « Changer mon mot de passe »: a signed-in account with a local password replaces it, giving the
// current one (a temporary one an admin handed over, or its own). The account no longer has to change
// it, the change is audited (never the password nor its hash), and every session of the account ends
// (whoever knew the old password may hold one): the page signs the person in again with the new one.
import bcrypt from "bcryptjs"

import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { announceSessionsEnded } from "@/lib/events/sessions-ended-feed"
import { AppError } from "@/lib/errors"

import { hashPassword } from "./create-user"
import { endUserSessions } from "./end-user-sessions"
import type { ChangePasswordInput } from "./schemas"
import { DUMMY_HASH } from "./verify-credentials"

/**
 * Throws FORBIDDEN for an account without a local password (SSO only), INVALID_INPUT about the field
 * `currentPassword` when the current password is wrong; returns the username to sign in again with.
 */
export async function changeOwnPassword(actor: AuditActor, input: ChangePasswordInput): Promise<{ username: string }> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { username: true, passwordHash: true, isActive: true } })
  const ok = await bcrypt.compare(input.currentPassword, user?.passwordHash ?? DUMMY_HASH)
  if (!user?.isActive) throw new AppError("UNAUTHENTICATED")
  if (!user.passwordHash) throw new AppError("FORBIDDEN", { message: "no local password", details: { userId: actor.id } })
  if (!ok) throw new AppError("INVALID_INPUT", { message: "current password wrong", details: { field: "currentPassword" } })
  const passwordHash = await hashPassword(input.newPassword)
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false } })
    await endUserSessions(actor.id, { tx })
    await recordAuditEntry(tx, actor, { action: "user.changePassword", entity: { type: "user", id: actor.id }, after: { passwordChanged: true } })
  })
  await announceSessionsEnded(actor.id)
  return { username: user.username }
}
