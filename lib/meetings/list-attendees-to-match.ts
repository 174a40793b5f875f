// Admin view of the moderators of running meetings that no account is linked to: unmatched ones
// and namesakes the matching refused to guess between, each with the accounts to pick from.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

/** The rows of the admin matching page; the admin overview counts the same ones. */
export const ATTENDEES_TO_MATCH_WHERE = {
  role: "MODERATOR",
  matchStatus: { in: ["UNMATCHED", "AMBIGUOUS"] },
  leftAt: null,
  meeting: { endedAt: null },
} satisfies Prisma.AttendeeWhereInput

/** At most this many "close name" suggestions per unknown moderator. */
const MAX_SIMILAR = 5

export type AttendeeToMatch = {
  id: number
  fullName: string
  matchStatus: "UNMATCHED" | "AMBIGUOUS"
  meeting: { id: number; name: string; sessionDate: Date }
  /** Namesakes (AMBIGUOUS) or staff accounts sharing a name word of at least 3 letters (UNMATCHED). */
  candidates: { id: number; username: string; name: string; email: string }[]
}

type CandidateUser = { id: number; username: string; firstName: string; lastName: string; email: string; nameKeyFirstLast: string; nameKeyLastFirst: string }

const candidateSelect = { id: true, username: true, firstName: true, lastName: true, email: true, nameKeyFirstLast: true, nameKeyLastFirst: true } as const

function words(normalizedName: string): string[] {
  return [...new Set(normalizedName.split(/[\s']+/).filter((w) => w.length >= 3))]
}

export async function listAttendeesToMatch(): Promise<AttendeeToMatch[]> {
  const attendees = await db.attendee.findMany({
    where: ATTENDEES_TO_MATCH_WHERE,
    orderBy: [{ meeting: { sessionDate: "desc" } }, { fullName: "asc" }],
    take: 500,
    select: { id: true, fullName: true, normalizedName: true, matchStatus: true, meeting: { select: { id: true, name: true, sessionDate: true } } },
  })
  const keyField = getEnv().BBB_USERNAME_FORMAT === "last_name first_name" ? "nameKeyLastFirst" : "nameKeyFirstLast"
  const ambiguousNames = [...new Set(attendees.filter((a) => a.matchStatus === "AMBIGUOUS").map((a) => a.normalizedName))]
  const unknownWords = [...new Set(attendees.filter((a) => a.matchStatus === "UNMATCHED").flatMap((a) => words(a.normalizedName)))]
  const [namesakes, similar] = await Promise.all([
    ambiguousNames.length
      ? db.user.findMany({ where: { isActive: true, [keyField]: { in: ambiguousNames } }, select: candidateSelect, orderBy: { id: "asc" } })
      : Promise.resolve([] as CandidateUser[]),
    // Suggestions for unknown names: teachers and admins whose name shares a word with it
    // ("H. Lefèvre-Durand" → Hélène Lefèvre). Whole words are checked below.
    unknownWords.length
      ? db.user.findMany({
          where: { isActive: true, role: { in: ["TEACHER", "ADMIN"] }, OR: unknownWords.slice(0, 200).map((w) => ({ nameKeyFirstLast: { contains: w } })) },
          select: candidateSelect,
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
          take: 500,
        })
      : Promise.resolve([] as CandidateUser[]),
  ])
  const toCandidate = (u: CandidateUser) => ({ id: u.id, username: u.username, name: `${u.firstName} ${u.lastName}`, email: u.email })
  return attendees.map((a) => {
    let candidates: CandidateUser[]
    if (a.matchStatus === "AMBIGUOUS") {
      candidates = namesakes.filter((u) => u[keyField] === a.normalizedName)
    } else {
      const mine = new Set(words(a.normalizedName))
      candidates = similar.filter((u) => words(u.nameKeyFirstLast).some((w) => mine.has(w))).slice(0, MAX_SIMILAR)
    }
    return {
      id: a.id,
      fullName: a.fullName,
      matchStatus: a.matchStatus as "UNMATCHED" | "AMBIGUOUS",
      meeting: a.meeting,
      candidates: candidates.map(toCandidate),
    }
  })
}
