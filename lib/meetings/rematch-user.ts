// A user created, renamed, given an external id or disabled may change who matches the moderators
// of running meetings: re-match the attendees that carry one of the user's keys (current or, after
// a rename or a new external id, previous ones) or are linked to them.
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { matchAttendees, type MatchOutcome } from "./match-attendees"

export async function rematchUser(
  userId: number,
  options: { tx?: Prisma.TransactionClient; previous?: { nameKeys: string[]; externalId: string | null } } = {},
): Promise<MatchOutcome[]> {
  const tx = options.tx ?? db
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { nameKeyFirstLast: true, nameKeyLastFirst: true, externalId: true },
  })
  const keys = [...(user ? [user.nameKeyFirstLast, user.nameKeyLastFirst] : []), ...(options.previous?.nameKeys ?? [])]
  const externalIds = [user?.externalId, options.previous?.externalId].filter((id): id is string => Boolean(id))
  const candidates = await tx.attendee.findMany({
    where: {
      role: "MODERATOR",
      matchStatus: { not: "BY_ADMIN" },
      meeting: { endedAt: null },
      OR: [
        { userId },
        ...(keys.length ? [{ normalizedName: { in: keys } }] : []),
        ...(externalIds.length ? [{ extUserId: { in: externalIds } }] : []),
      ],
    },
    select: { id: true },
  })
  return matchAttendees(
    candidates.map((c) => c.id),
    tx,
  )
}
