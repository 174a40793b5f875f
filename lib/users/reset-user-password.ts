// An admin resets an account's local password: a new temporary password replaces it and is returned
// once, for the admin to hand over. Neither the password nor its hash is logged or audited. The
// account's sessions end (whoever held the old password may hold a session too). The account must
// choose its own password at its next sign-in (lib/auth/change-own-password.ts).
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { announceSessionsEnded } from "@/lib/events/sessions-ended-feed"
import { AppError } from "@/lib/errors"

import { hashPassword } from "./create-user"
import { endUserSessions } from "./end-user-sessions"
import type { UserIdInput } from "./schemas"
import { temporaryPassword } from "./temporary-password"

export async function resetUserPassword(input: UserIdInput, actor: AuditActor): Promise<{ username: string; temporaryPassword: string }> {
  const password = temporaryPassword()
  const passwordHash = await hashPassword(password)
  const user = await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: input.userId }, data: { passwordHash, mustChangePassword: true } })
    if (updated.count === 0) throw new AppError("NOT_FOUND")
    await endUserSessions(input.userId, { tx })
    await recordAuditEntry(tx, actor, { action: "user.resetPassword", entity: { type: "user", id: input.userId }, after: { passwordReset: true } })
    return tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { username: true } })
  })
  await announceSessionsEnded(input.userId)
  return { username: user.username, temporaryPassword: password }
}
