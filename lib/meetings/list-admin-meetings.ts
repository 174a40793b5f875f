// The admins' list of sessions (/admin/meetings and its CSV): searched by name or BBB meeting id,
// filtered by state, recording and date range, sorted and paged in PostgreSQL.
import { CSV_MAX_ROWS, dayRange, pageWindow, type ListPage } from "@/lib/lists/list-params"
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import type { AdminMeetingsParams } from "./schemas"

export const ADMIN_MEETING_SELECT = {
  id: true,
  sessionDate: true,
  name: true,
  meetingId: true,
  internalMeetingId: true,
  endedAt: true,
  recorded: true,
  isBreakout: true,
  lastSeenRunningAt: true,
  participantCount: true,
  moderatorCount: true,
} satisfies Prisma.MeetingSelect

export type AdminMeetingRow = Prisma.MeetingGetPayload<{ select: typeof ADMIN_MEETING_SELECT }>

/** The rows matching the filters: one page, or (`all`) every row for the CSV export. */
export async function listAdminMeetings(params: AdminMeetingsParams, options: { all?: boolean } = {}): Promise<ListPage<AdminMeetingRow>> {
  const where = adminMeetingsWhere(params)
  const total = await db.meeting.count({ where })
  const window = options.all ? { page: 1, pageCount: 1, skip: 0, take: CSV_MAX_ROWS } : pageWindow(total, params.page, params.pageSize)
  const rows = await db.meeting.findMany({
    where,
    orderBy: [{ [params.sort]: params.dir }, { id: params.dir }],
    skip: window.skip,
    take: window.take,
    select: ADMIN_MEETING_SELECT,
  })
  return { rows, total, page: window.page, pageSize: params.pageSize, pageCount: window.pageCount }
}

function adminMeetingsWhere(params: AdminMeetingsParams): Prisma.MeetingWhereInput {
  const and: Prisma.MeetingWhereInput[] = []
  if (params.q) {
    const contains = { contains: params.q, mode: "insensitive" as const }
    and.push({ OR: [...(/^\d+$/.test(params.q) ? [{ id: Number(params.q) }] : []), { name: contains }, { meetingId: contains }] })
  }
  if (params.state) and.push({ endedAt: params.state === "running" ? null : { not: null } })
  if (params.recorded) and.push({ recorded: params.recorded === "yes" })
  if (params.from || params.to) and.push({ sessionDate: dayRange({ from: params.from, to: params.to, timeZone: getEnv().TZ }) })
  return and.length ? { AND: and } : {}
}
