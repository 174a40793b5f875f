// The admins' list of lives (/admin/lives and its CSV): the original's columns plus broadcaster and
// failure reason, searched by session name or user, filtered by status, server and date range,
// sorted and paged in PostgreSQL.
import { CSV_MAX_ROWS, dayRange, pageWindow, type ListPage } from "@/lib/lists/list-params"
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import type { AdminLivesParams, LiveStatus } from "./schemas"

export type AdminLiveRow = {
  id: number
  status: LiveStatus
  meeting: { id: number; name: string; meetingId: string }
  requestedBy: { id: number; name: string; username: string }
  requestedAt: Date
  startedAt: Date | null
  endedAt: Date | null
  showChat: boolean
  downloadMeeting: boolean
  enableChat: boolean
  isRestricted: boolean
  serverLabel: string | null
  broadcaster: { name: string; slug: string } | null
  failureReason: string | null
  stopReason: string | null
}

const SELECT = {
  id: true,
  status: true,
  requestedAt: true,
  startedAt: true,
  endedAt: true,
  showChat: true,
  downloadMeeting: true,
  enableChat: true,
  isRestricted: true,
  serverLabel: true,
  failureReason: true,
  stopReason: true,
  meeting: { select: { id: true, name: true, meetingId: true } },
  requestedBy: { select: { id: true, firstName: true, lastName: true, username: true } },
  broadcaster: { select: { name: true, slug: true } },
} satisfies Prisma.LiveSelect

type Selected = Prisma.LiveGetPayload<{ select: typeof SELECT }>

export function toAdminLiveRow(r: Selected): AdminLiveRow {
  const { requestedBy, ...rest } = r
  return { ...rest, requestedBy: { id: requestedBy.id, username: requestedBy.username, name: `${requestedBy.firstName} ${requestedBy.lastName}`.trim() } }
}

export const ADMIN_LIVE_SELECT = SELECT

/** The rows matching the filters: one page, or (`all`) every row for the CSV export. */
export async function listAdminLives(params: AdminLivesParams, options: { all?: boolean } = {}): Promise<ListPage<AdminLiveRow>> {
  const where = adminLivesWhere(params)
  const total = await db.live.count({ where })
  const window = options.all ? { page: 1, pageCount: 1, skip: 0, take: CSV_MAX_ROWS } : pageWindow(total, params.page, params.pageSize)
  const rows = await db.live.findMany({ where, orderBy: orderBy(params), skip: window.skip, take: window.take, select: SELECT })
  return { rows: rows.map(toAdminLiveRow), total, page: window.page, pageSize: params.pageSize, pageCount: window.pageCount }
}

/** The server numbers lives ran on ("1/2" is server 1, slot 2), for the server filter. */
export async function listLiveServers(): Promise<number[]> {
  const labels = await db.live.findMany({ where: { serverLabel: { not: null } }, distinct: ["serverLabel"], select: { serverLabel: true } })
  const servers = new Set(labels.map((l) => Number(l.serverLabel!.split("/")[0])).filter((n) => Number.isInteger(n) && n > 0))
  return [...servers].sort((a, b) => a - b)
}

function adminLivesWhere(params: AdminLivesParams): Prisma.LiveWhereInput {
  const and: Prisma.LiveWhereInput[] = []
  if (params.q) {
    const contains = { contains: params.q, mode: "insensitive" as const }
    const words = params.q.split(/\s+/).filter(Boolean)
    and.push({
      OR: [
        ...(/^\d+$/.test(params.q) ? [{ id: Number(params.q) }] : []),
        { meeting: { name: contains } },
        { requestedBy: { username: contains } },
        // "marie dupont" or "dupont marie": every word in the first or last name.
        { AND: words.map((w) => ({ requestedBy: { OR: [{ firstName: { contains: w, mode: "insensitive" as const } }, { lastName: { contains: w, mode: "insensitive" as const } }] } })) },
      ],
    })
  }
  if (params.meeting) and.push({ meetingId: params.meeting })
  if (params.status) and.push({ status: params.status })
  if (params.server) and.push({ serverLabel: { startsWith: `${params.server}/` } })
  if (params.from || params.to) and.push({ requestedAt: dayRange({ from: params.from, to: params.to, timeZone: getEnv().TZ }) })
  return and.length ? { AND: and } : {}
}

function orderBy(params: AdminLivesParams): Prisma.LiveOrderByWithRelationInput[] {
  const dir = params.dir
  const nullsLast = (sort: Prisma.SortOrder) => ({ sort, nulls: "last" as const })
  const first: Record<AdminLivesParams["sort"], Prisma.LiveOrderByWithRelationInput[]> = {
    id: [{ id: dir }],
    requestedAt: [{ requestedAt: dir }],
    startedAt: [{ startedAt: nullsLast(dir) }],
    endedAt: [{ endedAt: nullsLast(dir) }],
    status: [{ status: dir }],
    meeting: [{ meeting: { name: dir } }],
    user: [{ requestedBy: { lastName: dir } }, { requestedBy: { firstName: dir } }],
  }
  // Ties keep a stable order across pages.
  return [...first[params.sort], { id: dir }]
}
