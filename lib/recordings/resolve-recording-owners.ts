// Who gets an external recording (--use-import-video): the users matched as moderators of the recorded
// meeting, else every Moodle moderator (accounts created as teachers when unknown), else SCRIPT_ADMIN_ID.
// A breakout room's recording falls back to its parent meeting's owners.
import { db } from "@/lib/db"
import { listMeetingModeratorIds } from "@/lib/meetings/list-meeting-moderator-ids"
import { findOrCreateTeacher } from "@/lib/users/find-or-create-teacher"

import type { MoodleModerator } from "./find-moodle-moderators"

export type RecordingOwners = {
  source: "meeting" | "moodle" | "admin"
  /** Null for an account a dry run would create. */
  ownerIds: (number | null)[]
  usersCreated: string[]
  /** Who they are, for the migration's output: "First Last (username)". */
  names: string[]
}

export function personLabel(person: { firstName: string; lastName: string; username: string }): string {
  return `${`${person.firstName} ${person.lastName}`.trim()} (${person.username})`
}

async function namesOf(ids: number[]): Promise<string[]> {
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true, username: true } })
  return ids.map((id) => users.find((user) => user.id === id)).map((user, index) => (user ? personLabel(user) : `#${ids[index]}`))
}

export async function resolveRecordingOwners(input: {
  internalMeetingIds: string[]
  moodleModerators: MoodleModerator[]
  adminId: number
  dry: boolean
}): Promise<RecordingOwners> {
  const byMeeting = await listMeetingModeratorIds(input.internalMeetingIds)
  for (const id of input.internalMeetingIds) {
    const owners = byMeeting.get(id)
    if (owners && owners.length > 0) return { source: "meeting", ownerIds: owners, usersCreated: [], names: await namesOf(owners) }
  }
  if (input.moodleModerators.length > 0) {
    const ownerIds: (number | null)[] = []
    const usersCreated: string[] = []
    for (const moderator of input.moodleModerators) {
      const user = await findOrCreateTeacher(moderator, { dry: input.dry })
      if (user.created) usersCreated.push(moderator.username)
      if (user.id === null || !ownerIds.includes(user.id)) ownerIds.push(user.id)
    }
    return { source: "moodle", ownerIds, usersCreated, names: [...new Set(input.moodleModerators.map(personLabel))] }
  }
  return { source: "admin", ownerIds: [input.adminId], usersCreated: [], names: await namesOf([input.adminId]) }
}
