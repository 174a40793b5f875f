import { db } from "@/lib/db"
import { ACTIVE_LIVE_WHERE } from "@/lib/lives/is-live-cap-reached"

export type AdminOverview = {
  users: number
  meetings: number
  runningMeetings: number
  attendees: number
  ambiguousAttendees: number
  lives: number
  activeLives: number
}

export async function getAdminOverview(): Promise<AdminOverview> {
  const [users, meetings, runningMeetings, attendees, ambiguousAttendees, lives, activeLives] = await db.$transaction([
    db.user.count(),
    db.meeting.count(),
    db.meeting.count({ where: { endedAt: null } }),
    db.attendee.count(),
    db.attendee.count({ where: { matchStatus: "AMBIGUOUS" } }),
    db.live.count(),
    db.live.count({ where: ACTIVE_LIVE_WHERE }),
  ])
  return { users, meetings, runningMeetings, attendees, ambiguousAttendees, lives, activeLives }
}
