// The teacher's lives of sessions that ended in the last hours, with how each ended: once a meeting
// ends it leaves the list of running sessions, and the teacher still wants to see that its live
// stopped (and why), or failed.
import { db } from "@/lib/db"

import type { LiveStatus } from "./schemas"

export type RecentLiveView = {
  id: number
  meetingName: string
  status: LiveStatus
  failureReason: string | null
  stopReason: string | null
  endedAt: Date | null
}

export async function listRecentLives(user: { id: number }, options: { hours?: number } = {}): Promise<RecentLiveView[]> {
  const since = new Date(Date.now() - (options.hours ?? 3) * 3600_000)
  const rows = await db.live.findMany({
    where: { requestedById: user.id, meeting: { endedAt: { gte: since } } },
    orderBy: { requestedAt: "desc" },
    take: 10,
    select: { id: true, status: true, failureReason: true, stopReason: true, endedAt: true, meeting: { select: { name: true } } },
  })
  return rows.map((r) => ({ id: r.id, meetingName: r.meeting.name, status: r.status, failureReason: r.failureReason, stopReason: r.stopReason, endedAt: r.endedAt }))
}
