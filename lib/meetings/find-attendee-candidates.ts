// The accounts an admin may pick for a moderator the matching could not link: its namesakes
// (AMBIGUOUS) or staff accounts sharing a name word of at least 3 letters with it (UNMATCHED).
import { db } from "@/lib/db"

import { nameKeyField } from "./name-keys"

/** At most this many "close name" suggestions per unknown moderator. */
const MAX_SIMILAR = 5

export type AttendeeCandidate = { id: number; username: string; name: string; email: string; role: "ADMIN" | "TEACHER" | "STUDENT" }

type CandidateUser = { id: number; username: string; firstName: string; lastName: string; email: string; role: "ADMIN" | "TEACHER" | "STUDENT"; nameKeyFirstLast: string; nameKeyLastFirst: string }

const candidateSelect = { id: true, username: true, firstName: true, lastName: true, email: true, role: true, nameKeyFirstLast: true, nameKeyLastFirst: true } as const

function words(normalizedName: string): string[] {
  return [...new Set(normalizedName.split(/[\s']+/).filter((w) => w.length >= 3))]
}

/** Candidates per attendee id (attendees neither UNMATCHED nor AMBIGUOUS get none). */
export async function findAttendeeCandidates(
  attendees: { id: number; normalizedName: string; matchStatus: string }[],
): Promise<Map<number, AttendeeCandidate[]>> {
  const keyField = nameKeyField()
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
          // The id breaks ties between namesakes: without it their order follows the rows' places on disk.
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
          take: 500,
        })
      : Promise.resolve([] as CandidateUser[]),
  ])
  const toCandidate = (u: CandidateUser) => ({ id: u.id, username: u.username, name: `${u.firstName} ${u.lastName}`, email: u.email, role: u.role })
  const result = new Map<number, AttendeeCandidate[]>()
  for (const a of attendees) {
    let candidates: CandidateUser[] = []
    if (a.matchStatus === "AMBIGUOUS") {
      candidates = namesakes.filter((u) => u[keyField] === a.normalizedName)
    } else if (a.matchStatus === "UNMATCHED") {
      const mine = new Set(words(a.normalizedName))
      candidates = similar.filter((u) => words(u.nameKeyFirstLast).some((w) => mine.has(w))).slice(0, MAX_SIMILAR)
    }
    result.set(a.id, candidates.map(toCandidate))
  }
  return result
}
