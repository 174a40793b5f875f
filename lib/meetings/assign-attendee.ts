// An admin links a BBB moderator to an account by hand (BY_ADMIN: never overwritten by the sync or
// re-matching), or hands the attendee back to automatic matching.
import type { CurrentUser } from "@/lib/auth/session"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { publishChange } from "@/lib/events/change-feed"
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

export async function assignAttendee(input: AssignAttendeeInput, actor: Pick<CurrentUser, "id" | "role">): Promise<AssignAttendeeResult> {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN")
  const attendee = await db.attendee.findUnique({ where: { id: input.attendeeId }, select: { id: true, fullName: true } })
  if (!attendee) throw new AppError("NOT_FOUND")
  let result: AssignAttendeeResult
  if (input.username) {
    const user = await db.user.findFirst({
      where: { username: input.username, isActive: true },
      select: { id: true, username: true, firstName: true, lastName: true },
    })
    if (!user) throw new AppError("INVALID_INPUT", { message: "unknown username", details: { field: "username" } })
    await db.attendee.update({ where: { id: attendee.id }, data: { userId: user.id, matchStatus: "BY_ADMIN" } })
    result = { userId: user.id, matchStatus: "BY_ADMIN", fullName: attendee.fullName, user: { username: user.username, name: `${user.firstName} ${user.lastName}` } }
  } else {
    await db.attendee.update({ where: { id: attendee.id }, data: { userId: null, matchStatus: "UNMATCHED" } })
    const [changed] = await matchAttendees([attendee.id])
    result = { userId: changed?.userId ?? null, matchStatus: changed?.matchStatus ?? "UNMATCHED", fullName: attendee.fullName, user: null }
  }
  await publishChange(getProducerRedis(), "meetings", { attendeeId: attendee.id }).catch(() => undefined)
  return result
}
