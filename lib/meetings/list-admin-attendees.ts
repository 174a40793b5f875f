// The admin's participants list (domain flow 8): every attendee the sync stored, searched by name,
// BBB ids or linked account, filtered by role and match state, sorted and paged; the CSV export
// reads the same rows without paging. Moderators left to an admin carry the accounts to pick from.
import { CSV_MAX_ROWS, pageWindow, type ListPage } from "@/lib/lists/list-params"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { findAttendeeCandidates, type AttendeeCandidate } from "./find-attendee-candidates"
import { ATTENDEES_TO_MATCH_WHERE } from "./attendees-to-match"
import type { AdminAttendeesParams, MatchStatusValue } from "./schemas"

export type AdminAttendeeRow = {
  id: number
  fullName: string
  role: "MODERATOR" | "VIEWER"
  bbbUserId: string | null
  extUserId: string | null
  matchStatus: MatchStatusValue
  leftAt: Date | null
  meeting: { id: number; name: string; sessionDate: Date; endedAt: Date | null }
  user: { id: number; username: string; name: string } | null
  /** Accounts to pick from, for the moderators still to match (else empty). */
  candidates: AttendeeCandidate[]
}

function where(params: AdminAttendeesParams): Prisma.AttendeeWhereInput {
  const and: Prisma.AttendeeWhereInput[] = []
  if (params.q) {
    const contains = { contains: params.q, mode: "insensitive" as const }
    and.push({
      OR: [
        { fullName: contains },
        { bbbUserId: contains },
        { extUserId: contains },
        { meeting: { name: contains } },
        { user: { OR: [{ username: contains }, { firstName: contains }, { lastName: contains }] } },
      ],
    })
  }
  if (params.role) and.push({ role: params.role })
  if (params.state === "toMatch") and.push(ATTENDEES_TO_MATCH_WHERE)
  else if (params.state !== "all") and.push({ matchStatus: params.state })
  return { AND: and }
}

function orderBy(params: AdminAttendeesParams): Prisma.AttendeeOrderByWithRelationInput[] {
  const dir = params.dir
  const first: Record<AdminAttendeesParams["sort"], Prisma.AttendeeOrderByWithRelationInput> = {
    id: { id: dir },
    fullName: { fullName: dir },
    role: { role: dir },
    session: { meeting: { sessionDate: dir } },
    state: { matchStatus: dir },
  }
  return [first[params.sort], { id: dir }]
}

const select = {
  id: true,
  fullName: true,
  normalizedName: true,
  role: true,
  bbbUserId: true,
  extUserId: true,
  matchStatus: true,
  leftAt: true,
  meeting: { select: { id: true, name: true, sessionDate: true, endedAt: true } },
  user: { select: { id: true, username: true, firstName: true, lastName: true } },
} satisfies Prisma.AttendeeSelect

/** One page of the list, or with `all` every row the filters keep (up to CSV_MAX_ROWS) for the CSV. */
export async function listAdminAttendees(params: AdminAttendeesParams, options: { all?: boolean } = {}): Promise<ListPage<AdminAttendeeRow>> {
  const filter = where(params)
  const total = await db.attendee.count({ where: filter })
  const window = options.all ? { page: 1, pageCount: 1, skip: 0, take: CSV_MAX_ROWS } : pageWindow(total, params.page, params.pageSize)
  const attendees = await db.attendee.findMany({ where: filter, orderBy: orderBy(params), skip: window.skip, take: window.take, select })
  const toMatch = options.all ? [] : attendees.filter((a) => a.role === "MODERATOR" && !a.leftAt && !a.meeting.endedAt)
  const candidates = await findAttendeeCandidates(toMatch)
  return {
    total,
    page: window.page,
    pageSize: options.all ? total : params.pageSize,
    pageCount: window.pageCount,
    rows: attendees.map(({ normalizedName: _normalized, user, ...a }) => ({
      ...a,
      matchStatus: a.matchStatus as MatchStatusValue,
      user: user ? { id: user.id, username: user.username, name: `${user.firstName} ${user.lastName}` } : null,
      candidates: candidates.get(a.id) ?? [],
    })),
  }
}
