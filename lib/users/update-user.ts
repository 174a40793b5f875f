// An admin edits an account's username, e-mail (unique whatever the case), role, names and external id. Names and external id drive the matching
// of BBB moderators: a change re-matches the attendees of running meetings under the old and new
// keys (domain flow 2). An admin cannot demote themself (the last way back in could be lost). A role
// change ends the account's sessions: it signs in again under its new role.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { announceSessionsEnded } from "@/lib/events/sessions-ended-feed"
import { AppError } from "@/lib/errors"
import { Prisma } from "@/lib/generated/prisma/client"
import { userNameKeys } from "@/lib/meetings/name-keys"
import { rematchUser } from "@/lib/meetings/rematch-user"

import { adminUserSelect, userAuditValues, type AdminUser } from "./admin-user-fields"
import { endUserSessions } from "./end-user-sessions"
import type { UpdateUserInput } from "./schemas"
import { uniqueViolationField } from "./unique-violation-field"

/** rolePinned left out (callers other than the admin form) keeps the pin as it is. */
export async function updateUser(input: Omit<UpdateUserInput, "rolePinned"> & { rolePinned?: boolean }, actor: AuditActor): Promise<AdminUser> {
  if (input.userId === actor.id && input.role !== "ADMIN") throw new AppError("OWN_ACCOUNT", { details: { field: "role" } })
  try {
    let roleChanged = false
    const updated = await db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: input.userId }, select: { ...adminUserSelect, nameKeyFirstLast: true, nameKeyLastFirst: true } })
      if (!before) throw new AppError("NOT_FOUND")
      const { nameKeyFirstLast, nameKeyLastFirst, ...beforeValues } = before
      const after = await tx.user.update({
        where: { id: input.userId },
        data: {
          ...(input.username === undefined ? {} : { username: input.username }),
          ...(input.email === undefined ? {} : { email: input.email }),
          firstName: input.firstName,
          lastName: input.lastName,
          ...userNameKeys(input.firstName, input.lastName),
          role: input.role,
          rolePinned: input.rolePinned,
          externalId: input.externalId,
        },
        select: adminUserSelect,
      })
      await recordAuditEntry(tx, actor, { action: "user.update", entity: { type: "user", id: after.id }, before: userAuditValues(beforeValues), after: userAuditValues(after) })
      roleChanged = beforeValues.role !== after.role
      if (roleChanged) await endUserSessions(after.id, { tx })
      const renamed = beforeValues.firstName !== after.firstName || beforeValues.lastName !== after.lastName || beforeValues.externalId !== after.externalId
      if (renamed) await rematchUser(after.id, { tx, previous: { nameKeys: [nameKeyFirstLast, nameKeyLastFirst], externalId: beforeValues.externalId } })
      return after
    })
    if (roleChanged) await announceSessionsEnded(updated.id)
    return updated
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: "already taken", details: { field: uniqueViolationField(error, ["externalId", "username", "email"]) }, cause: error })
    }
    throw error
  }
}
