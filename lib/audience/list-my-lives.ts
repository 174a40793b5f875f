// « Mes directs »: the lives a teacher requested or moderated (a moderator of their session), newest
// first, one page at a time, with their audience figures and number of chat messages.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { LiveStatus } from "@/lib/generated/prisma/enums"
import type { Prisma } from "@/lib/generated/prisma/client"
import { dayRange, pageWindow, type ListPage } from "@/lib/lists/list-params"

import { audienceStats, NO_AUDIENCE, type AudienceStats } from "./audience-stats"
import { periodError } from "./schemas"

/** The lives a user may see the audience of (their own); admins see every live (getLiveAudience). */
export function ownLivesWhere(userId: number): Prisma.LiveWhereInput {
  return { OR: [{ requestedById: userId }, { meeting: { attendees: { some: { userId, role: "MODERATOR" } } } }] }
}

export type MyLiveRow = AudienceStats & {
  id: number
  meetingName: string
  status: LiveStatus
  failureReason: string | null
  stopReason: string | null
  requestedAt: Date
  startedAt: Date | null
  endedAt: Date | null
  chatMessages: number
}

export async function listMyLives(userId: number, params: { from?: string; to?: string; page: number; pageSize: number }): Promise<ListPage<MyLiveRow>> {
  const and: Prisma.LiveWhereInput[] = [ownLivesWhere(userId)]
  if (!periodError(params) && (params.from || params.to)) and.push({ requestedAt: dayRange({ from: params.from, to: params.to, timeZone: getEnv().TZ }) })
  const where = { AND: and }
  const total = await db.live.count({ where })
  const window = pageWindow(total, params.page, params.pageSize)
  const lives = await db.live.findMany({
    where,
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    skip: window.skip,
    take: window.take,
    select: {
      id: true,
      status: true,
      stopReason: true,
      failureReason: true,
      requestedAt: true,
      startedAt: true,
      endedAt: true,
      meeting: { select: { name: true } },
      _count: { select: { chatMessages: true } },
    },
  })
  const stats = await audienceStats(lives.map((l) => l.id))
  const rows = lives.map((l) => ({
    id: l.id,
    meetingName: l.meeting.name,
    status: l.status,
    failureReason: l.failureReason,
    stopReason: l.stopReason,
    requestedAt: l.requestedAt,
    startedAt: l.startedAt,
    endedAt: l.endedAt,
    chatMessages: l._count.chatMessages,
    ...(stats.get(l.id) ?? NO_AUDIENCE),
  }))
  return { rows, total, page: window.page, pageSize: params.pageSize, pageCount: window.pageCount }
}
