import { db } from "@/lib/db"
import { ACTIVE_LIVE_WHERE } from "@/lib/lives/is-live-cap-reached"
import { ATTENDEES_TO_MATCH_WHERE } from "@/lib/meetings/list-attendees-to-match"

export type AdminOverview = {
  users: number
  runningMeetings: number
  /** The same rows as the matching page (/admin/attendees) lists. */
  attendeesToMatch: number
  activeLives: number
}

export async function getAdminOverview(): Promise<AdminOverview> {
  const [users, runningMeetings, attendeesToMatch, activeLives] = await db.$transaction([
    db.user.count(),
    db.meeting.count({ where: { endedAt: null, isBreakout: false } }),
    db.attendee.count({ where: ATTENDEES_TO_MATCH_WHERE }),
    db.live.count({ where: ACTIVE_LIVE_WHERE }),
  ])
  return { users, runningMeetings, attendeesToMatch, activeLives }
}
