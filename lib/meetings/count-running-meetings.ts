import { db } from "@/lib/db"

/** Sessions running now (breakout rooms aside), as the teachers' pages and the admin overview count them. */
export async function countRunningMeetings(): Promise<number> {
  return db.meeting.count({ where: { endedAt: null, isBreakout: false } })
}
