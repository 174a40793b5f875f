// The moderators of a recording according to Moodle: the activities (mdl_bigbluebuttonbn) whose recording
// row has this recording id with status 2 (processed), each participant rule `selectiontype=user,
// role=moderator` of their participants JSON, and those users in mdl_user. Every moderator, not the first.
import { z } from "zod"

import type { MoodleDatabase } from "./moodle-database"

export type MoodleModerator = { moodleId: number; username: string; email: string; firstName: string; lastName: string }
export type MoodleModerators = { activityIds: number[]; moderators: MoodleModerator[] }

const participantsSchema = z.array(
  z.looseObject({ selectiontype: z.string(), selectionid: z.union([z.string(), z.number()]).transform(String), role: z.string() }),
)

const ACTIVITIES_SQL = {
  postgresql:
    "SELECT b.id, b.participants FROM mdl_bigbluebuttonbn_recordings r JOIN mdl_bigbluebuttonbn b ON b.id = r.bigbluebuttonbnid " +
    "WHERE r.recordingid = $1 AND r.status = 2 ORDER BY b.id",
  mysql:
    "SELECT b.id, b.participants FROM mdl_bigbluebuttonbn_recordings r JOIN mdl_bigbluebuttonbn b ON b.id = r.bigbluebuttonbnid " +
    "WHERE r.recordingid = ? AND r.status = 2 ORDER BY b.id",
}

export async function findMoodleModerators(moodle: MoodleDatabase, recordID: string): Promise<MoodleModerators> {
  const activities = await moodle.query<{ id: number | string; participants: string | null }>(ACTIVITIES_SQL, [recordID])
  const moderatorIds = new Set<number>()
  for (const activity of activities) {
    for (const rule of parseParticipants(activity.participants)) {
      if (rule.selectiontype === "user" && rule.role === "moderator" && /^\d+$/.test(rule.selectionid)) moderatorIds.add(Number(rule.selectionid))
    }
  }
  const activityIds = activities.map((activity) => Number(activity.id))
  if (moderatorIds.size === 0) return { activityIds, moderators: [] }
  const ids = [...moderatorIds]
  const users = await moodle.query<{ id: number | string; username: string; email: string | null; firstname: string | null; lastname: string | null }>(
    {
      postgresql: "SELECT id, username, email, firstname, lastname FROM mdl_user WHERE id = ANY($1::bigint[]) AND deleted = 0 ORDER BY id",
      // one placeholder per id: still bound parameters, never values in the SQL text
      mysql: `SELECT id, username, email, firstname, lastname FROM mdl_user WHERE id IN (${ids.map(() => "?").join(", ")}) AND deleted = 0 ORDER BY id`,
    },
    moodle.dialect === "postgresql" ? [ids] : ids,
  )
  return {
    activityIds,
    moderators: users.map((user) => ({
      moodleId: Number(user.id),
      username: user.username,
      email: user.email ?? "",
      firstName: user.firstname ?? "",
      lastName: user.lastname ?? "",
    })),
  }
}

function parseParticipants(json: string | null): z.infer<typeof participantsSchema> {
  if (!json) return []
  try {
    const parsed = participantsSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}
