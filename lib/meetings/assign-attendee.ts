// An admin links a BBB moderator to an account by hand (BY_ADMIN: never overwritten by the sync or
// re-matching), or hands the attendee back to automatic matching. Audited in the same transaction.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { publishChange } from "@/lib/events/change-feed"
import type { Role } from "@/lib/generated/prisma/enums"
import { getProducerRedis } from "@/lib/redis"

import { matchAttendees } from "./match-attendees"
import type { AssignAttendeeInput } from "./schemas"

export type AssignAttendeeResult = {
  userId: number | null
  matchStatus: string
  /** The attendee's name in BBB and the account linked by hand (for the admin's confirmation). */
  fullName: string
  user: { username: string; name: string } | null
}

const linkSelect = { userId: true, matchStatus: true, user: { select: { username: true } } } as const

function auditValues(link: { userId: number | null; matchStatus: string; user: { username: string } | null }) {
  return { userId: link.userId, username: link.user?.username ?? null, matchStatus: link.matchStatus }
}

export async function assignAttendee(input: AssignAttendeeInput, actor: AuditActor & { role: Role }): Promise<AssignAttendeeResult> {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN")
  const result = await db.$transaction(async (tx) => {
    const attendee = await tx.attendee.findUnique({ where: { id: input.attendeeId }, select: { id: true, fullName: true, role: true, ...linkSelect } })
    if (!attendee) throw new AppError("NOT_FOUND")
    if (input.username) {
      // Usernames are unique whatever their case (unique index on lower(username)).
      const [found] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM users WHERE lower(username) = lower(${input.username})`
      const user = await tx.user.findFirst({
        where: { id: found?.id ?? -1, isActive: true },
        select: { id: true, username: true, firstName: true, lastName: true, role: true },
      })
      if (!user) throw new AppError("INVALID_INPUT", { message: "unknown username", details: { field: "username" } })
      // A BBB moderator is usually a teacher: a student account needs the admin's second click.
      if (attendee.role === "MODERATOR" && user.role === "STUDENT" && input.studentConfirmed?.toLowerCase() !== user.username.toLowerCase()) {
        throw new AppError("CONFLICT", { message: "moderator linked to a student account", details: { field: "studentConfirmed" } })
      }
      const after = await tx.attendee.update({ where: { id: attendee.id }, data: { userId: user.id, matchStatus: "BY_ADMIN" }, select: linkSelect })
      await recordAuditEntry(tx, actor, { action: "attendee.assign", entity: { type: "attendee", id: attendee.id }, before: auditValues(attendee), after: auditValues(after) })
      return { userId: user.id, matchStatus: "BY_ADMIN", fullName: attendee.fullName, user: { username: user.username, name: `${user.firstName} ${user.lastName}` } }
    }
    await tx.attendee.update({ where: { id: attendee.id }, data: { userId: null, matchStatus: "UNMATCHED" } })
    await matchAttendees([attendee.id], tx)
    const after = await tx.attendee.findUniqueOrThrow({ where: { id: attendee.id }, select: linkSelect })
    await recordAuditEntry(tx, actor, { action: "attendee.automatic", entity: { type: "attendee", id: attendee.id }, before: auditValues(attendee), after: auditValues(after) })
    return { userId: after.userId, matchStatus: after.matchStatus, fullName: attendee.fullName, user: null }
  })
  await publishChange(getProducerRedis(), "meetings", { attendeeId: input.attendeeId }).catch(() => undefined)
  return result
}
