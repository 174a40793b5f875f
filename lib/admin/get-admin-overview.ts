// The admin overview's figures, each counted by its own domain (lib/admin reads no other domain's table).
import { countActiveLives } from "@/lib/lives/count-active-lives"
import { countAttendeesToMatch } from "@/lib/meetings/count-attendees-to-match"
import { countRunningMeetings } from "@/lib/meetings/count-running-meetings"
import { countUsers } from "@/lib/users/count-users"

export type AdminOverview = {
  users: number
  runningMeetings: number
  /** The same rows as the matching page (/admin/attendees) lists. */
  attendeesToMatch: number
  activeLives: number
}

export async function getAdminOverview(): Promise<AdminOverview> {
  const [users, runningMeetings, attendeesToMatch, activeLives] = await Promise.all([countUsers(), countRunningMeetings(), countAttendeesToMatch(), countActiveLives()])
  return { users, runningMeetings, attendeesToMatch, activeLives }
}
