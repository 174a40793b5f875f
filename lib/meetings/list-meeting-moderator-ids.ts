// Users matched as moderators of the meetings with these internal ids (the owners of their recordings).
import { db } from "@/lib/db"

export async function listMeetingModeratorIds(internalMeetingIds: string[]): Promise<Map<string, number[]>> {
  const result = new Map<string, number[]>()
  if (internalMeetingIds.length === 0) return result
  const rows = await db.attendee.findMany({
    where: { role: "MODERATOR", userId: { not: null }, meeting: { internalMeetingId: { in: internalMeetingIds } } },
    select: { userId: true, meeting: { select: { internalMeetingId: true } } },
    orderBy: { id: "asc" },
  })
  for (const row of rows) {
    const ids = result.get(row.meeting.internalMeetingId) ?? []
    if (row.userId !== null && !ids.includes(row.userId)) ids.push(row.userId)
    result.set(row.meeting.internalMeetingId, ids)
  }
  return result
}
