import { db } from "@/lib/db"

import type { MatchStatusValue } from "./schemas"

export type AdminAttendee = {
  id: number
  fullName: string
  role: "MODERATOR" | "VIEWER"
  bbbUserId: string | null
  extUserId: string | null
  matchStatus: MatchStatusValue
  meeting: { id: number; name: string; sessionDate: Date; endedAt: Date | null }
  user: { id: number; username: string; name: string } | null
}

/** One participant as the admin's assignment page shows it, or null. */
export async function getAdminAttendee(attendeeId: number): Promise<AdminAttendee | null> {
  const a = await db.attendee.findUnique({
    where: { id: attendeeId },
    select: {
      id: true,
      fullName: true,
      role: true,
      bbbUserId: true,
      extUserId: true,
      matchStatus: true,
      meeting: { select: { id: true, name: true, sessionDate: true, endedAt: true } },
      user: { select: { id: true, username: true, firstName: true, lastName: true } },
    },
  })
  if (!a) return null
  const { user, ...rest } = a
  return { ...rest, matchStatus: a.matchStatus as MatchStatusValue, user: user ? { id: user.id, username: user.username, name: `${user.firstName} ${user.lastName}` } : null }
}
