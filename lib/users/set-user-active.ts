// An admin deactivates (or reactivates) an account. A deactivated account can no longer sign in
// (verifyCredentials, the OpenID Connect callback) nor use a session it already holds (every request
// re-reads the account: findSessionUser), and its sessions end for good (a reactivated account signs
// in again). It stops matching BBB moderators; its running meetings'
// attendees are re-matched. An admin cannot deactivate themself.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { announceSessionsEnded } from "@/lib/events/sessions-ended-feed"
import { AppError } from "@/lib/errors"
import { rematchUser } from "@/lib/meetings/rematch-user"

import { adminUserSelect, type AdminUser } from "./admin-user-fields"
import { endUserSessions } from "./end-user-sessions"
import type { SetUserActiveInput } from "./schemas"

export async function setUserActive(input: SetUserActiveInput, actor: AuditActor): Promise<AdminUser> {
  if (input.userId === actor.id && !input.isActive) throw new AppError("OWN_ACCOUNT")
  const result = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: adminUserSelect })
    if (!before) throw new AppError("NOT_FOUND")
    if (before.isActive === input.isActive) return before
    const after = await tx.user.update({ where: { id: input.userId }, data: { isActive: input.isActive }, select: adminUserSelect })
    if (!input.isActive) await endUserSessions(after.id, { tx })
    await recordAuditEntry(tx, actor, {
      action: input.isActive ? "user.reactivate" : "user.deactivate",
      entity: { type: "user", id: after.id },
      before: { isActive: before.isActive },
      after: { isActive: after.isActive },
    })
    await rematchUser(after.id, { tx })
    return after
  })
  // Its open live streams close at once, on every instance.
  if (!input.isActive) await announceSessionsEnded(input.userId)
  return result
}
