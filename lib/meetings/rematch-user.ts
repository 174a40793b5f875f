// A user created, renamed, given an external id or disabled may change who matches the moderators
// of running meetings: re-match the attendees that carry one of the user's keys or are linked to them.
import { db } from "@/lib/db"

import { matchAttendees, type MatchOutcome } from "./match-attendees"

export async function rematchUser(userId: number): Promise<MatchOutcome[]> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { nameKeyFirstLast: true, nameKeyLastFirst: true, externalId: true },
  })
  const keys = user ? [user.nameKeyFirstLast, user.nameKeyLastFirst] : []
  const candidates = await db.attendee.findMany({
    where: {
      role: "MODERATOR",
      matchStatus: { not: "BY_ADMIN" },
      meeting: { endedAt: null },
      OR: [
        { userId },
        ...(keys.length ? [{ normalizedName: { in: keys } }] : []),
        ...(user?.externalId ? [{ extUserId: user.externalId }] : []),
      ],
    },
    select: { id: true },
  })
  return matchAttendees(candidates.map((c) => c.id))
}
