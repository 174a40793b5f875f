// Moderator matching (domain flow 2): an attendee is linked to a user by the external user id BBB
// reports when it equals a user's externalId, else by the whole normalised name in the configured
// BBB_USERNAME_FORMAT: exactly one active user → matched; several → AMBIGUOUS (left to an admin,
// never guessed); none → UNMATCHED. An admin's assignment (BY_ADMIN) is never touched.
// One set-based statement, driven by indexed lookups (users' name keys and external id).
import { db } from "@/lib/db"
import { Prisma } from "@/lib/generated/prisma/client"

import { nameKeyField } from "./name-keys"

export type MatchOutcome = { attendeeId: number; userId: number | null; matchStatus: string }

function nameKeyColumn(): Prisma.Sql {
  // A column name chosen from two constants, never from input.
  return nameKeyField() === "nameKeyLastFirst" ? Prisma.raw(`u."name_key_last_first"`) : Prisma.raw(`u."name_key_first_last"`)
}

/** Recomputes the match of the given moderator attendees; returns those whose match changed. */
export async function matchAttendees(attendeeIds: number[], tx: Prisma.TransactionClient = db): Promise<MatchOutcome[]> {
  if (attendeeIds.length === 0) return []
  const nameKey = nameKeyColumn()
  const rows = await tx.$queryRaw<{ id: number; user_id: number | null; match_status: string }[]>`
    WITH target AS (
      SELECT a.id, a.ext_user_id, a.normalized_name
      FROM attendees a
      WHERE a.id = ANY(${attendeeIds}::int[]) AND a.role = 'MODERATOR' AND a.match_status <> 'BY_ADMIN'
    ), ext AS (
      SELECT t.id, u.id AS uid
      FROM target t JOIN users u ON u.external_id = t.ext_user_id AND u.is_active
    ), names AS (
      SELECT t.id, count(u.id) AS n, min(u.id) AS uid
      FROM target t LEFT JOIN users u ON ${nameKey} = t.normalized_name AND u.is_active
      WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.id = t.id)
      GROUP BY t.id
    ), result AS (
      SELECT id, uid, 'BY_EXTERNAL_ID' AS status FROM ext
      UNION ALL
      SELECT id,
             CASE WHEN n = 1 THEN uid END,
             CASE WHEN n = 1 THEN 'BY_NAME' WHEN n > 1 THEN 'AMBIGUOUS' ELSE 'UNMATCHED' END
      FROM names
    )
    UPDATE attendees a
    SET user_id = r.uid, match_status = r.status::"MatchStatus", updated_at = now()
    FROM result r
    WHERE a.id = r.id AND (a.user_id IS DISTINCT FROM r.uid OR a.match_status::text <> r.status)
    RETURNING a.id, a.user_id, a.match_status::text AS match_status`
  return rows.map((r) => ({ attendeeId: r.id, userId: r.user_id, matchStatus: r.match_status }))
}

/** Matches the moderators of these meetings that are not matched yet (new or renamed attendees). */
export async function matchNewModerators(meetingIds: number[], tx: Prisma.TransactionClient = db): Promise<MatchOutcome[]> {
  if (meetingIds.length === 0) return []
  const ids = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM attendees
    WHERE meeting_id = ANY(${meetingIds}::int[]) AND role = 'MODERATOR' AND match_status = 'UNMATCHED' AND left_at IS NULL`
  return matchAttendees(ids.map((r) => r.id), tx)
}
