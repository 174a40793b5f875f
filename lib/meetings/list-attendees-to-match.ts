// Admin view of the moderators of running meetings that no account is linked to: unmatched ones
// and namesakes the matching refused to guess between, each with the accounts to pick from.
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { findAttendeeCandidates, type AttendeeCandidate } from "./find-attendee-candidates"

/** The rows of the admin matching page; the admin overview counts the same ones. */
export const ATTENDEES_TO_MATCH_WHERE = {
  role: "MODERATOR",
  matchStatus: { in: ["UNMATCHED", "AMBIGUOUS"] },
  leftAt: null,
  meeting: { endedAt: null },
} satisfies Prisma.AttendeeWhereInput

export type AttendeeToMatch = {
  id: number
  fullName: string
  matchStatus: "UNMATCHED" | "AMBIGUOUS"
  meeting: { id: number; name: string; sessionDate: Date }
  /** Namesakes (AMBIGUOUS) or staff accounts sharing a name word of at least 3 letters (UNMATCHED). */
  candidates: AttendeeCandidate[]
}

export async function listAttendeesToMatch(): Promise<AttendeeToMatch[]> {
  const attendees = await db.attendee.findMany({
    where: ATTENDEES_TO_MATCH_WHERE,
    orderBy: [{ meeting: { sessionDate: "desc" } }, { fullName: "asc" }],
    take: 500,
    select: { id: true, fullName: true, normalizedName: true, matchStatus: true, meeting: { select: { id: true, name: true, sessionDate: true } } },
  })
  const candidates = await findAttendeeCandidates(attendees)
  return attendees.map((a) => ({
    id: a.id,
    fullName: a.fullName,
    matchStatus: a.matchStatus as "UNMATCHED" | "AMBIGUOUS",
    meeting: a.meeting,
    candidates: candidates.get(a.id) ?? [],
  }))
}
