// Deletes meetings (with their attendees, lives and chat) whose session is older than
// BBB_NUMBER_DAYS_BEFORE_DELETE days, that have ended and were never published (no recording was
// turned into a video from them). 0 days = never delete.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

export async function purgeMeetings(options: { now?: Date; days?: number } = {}): Promise<{ deleted: number }> {
  const days = options.days ?? getEnv().BBB_NUMBER_DAYS_BEFORE_DELETE
  if (days <= 0) return { deleted: 0 }
  const cutoff = new Date((options.now ?? new Date()).getTime() - days * 24 * 3600 * 1000)
  const { count } = await db.meeting.deleteMany({
    where: { sessionDate: { lt: cutoff }, endedAt: { not: null }, publishedAt: null, activeLive: null },
  })
  return { deleted: count }
}
