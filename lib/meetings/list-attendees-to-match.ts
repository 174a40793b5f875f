// Admin view of the moderators of running meetings that no account is linked to: unmatched ones
// and namesakes the matching refused to guess between, each with its candidate accounts.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

export type AttendeeToMatch = {
  id: number
  fullName: string
  matchStatus: "UNMATCHED" | "AMBIGUOUS"
  meeting: { id: number; name: string; sessionDate: Date }
  candidates: { id: number; username: string; name: string; email: string }[]
}

export async function listAttendeesToMatch(): Promise<AttendeeToMatch[]> {
  const attendees = await db.attendee.findMany({
    where: { role: "MODERATOR", matchStatus: { in: ["UNMATCHED", "AMBIGUOUS"] }, leftAt: null, meeting: { endedAt: null } },
    orderBy: [{ meeting: { sessionDate: "desc" } }, { fullName: "asc" }],
    take: 500,
    select: { id: true, fullName: true, normalizedName: true, matchStatus: true, meeting: { select: { id: true, name: true, sessionDate: true } } },
  })
  const keyField = getEnv().BBB_USERNAME_FORMAT === "last_name first_name" ? "nameKeyLastFirst" : "nameKeyFirstLast"
  const names = [...new Set(attendees.filter((a) => a.matchStatus === "AMBIGUOUS").map((a) => a.normalizedName))]
  const users = names.length
    ? await db.user.findMany({
        where: { isActive: true, [keyField]: { in: names } },
        select: { id: true, username: true, firstName: true, lastName: true, email: true, nameKeyFirstLast: true, nameKeyLastFirst: true },
        orderBy: { id: "asc" },
      })
    : []
  return attendees.map((a) => ({
    id: a.id,
    fullName: a.fullName,
    matchStatus: a.matchStatus as "UNMATCHED" | "AMBIGUOUS",
    meeting: a.meeting,
    candidates: users
      .filter((u) => u[keyField] === a.normalizedName)
      .map((u) => ({ id: u.id, username: u.username, name: `${u.firstName} ${u.lastName}`, email: u.email })),
  }))
}
