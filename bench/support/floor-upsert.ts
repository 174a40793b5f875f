// The floor the sync is compared with: the same meeting and attendee rows written by a plain set-based
// bulk upsert (INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE), same columns, one transaction,
// with no hashing, no change detection, no matching and no end-of-meeting bookkeeping. Rows are built
// from already-parsed meetings by the sync's own attendeeRows() (one row per meeting and attendee
// key), so the count of attendee rows can be checked against the sync's `attendeesWritten`.
import type pg from "pg"

import type { BbbMeeting } from "@/lib/bbb/schemas"
import { attendeeRows, type AttendeeRow } from "@/lib/meetings/attendee-rows"

export type FloorMeetingRow = { meeting: BbbMeeting; hash: string }
export type FloorAttendeeRow = AttendeeRow

export function floorRows(meetings: { meeting: BbbMeeting; hash: string }[]): { meetings: FloorMeetingRow[]; attendees: FloorAttendeeRow[] } {
  const running = meetings.filter((m) => m.meeting.running)
  return { meetings: running, attendees: running.flatMap(({ meeting }) => attendeeRows(meeting)) }
}

/** Writes the rows in one transaction; returns the wall time in ms (BEGIN to COMMIT included). */
export async function floorUpsert(client: pg.ClientBase, rows: { meetings: FloorMeetingRow[]; attendees: FloorAttendeeRow[] }): Promise<number> {
  const nowMs = Date.now()
  const started = performance.now()
  await client.query("BEGIN")
  try {
    const m = rows.meetings
    const ids = await client.query<{ id: number; internal_meeting_id: string }>(
      `INSERT INTO meetings (meeting_id, internal_meeting_id, name, session_date, recorded, is_breakout,
                             parent_meeting_id, participant_count, moderator_count, sync_hash,
                             last_seen_running_at, ended_at, updated_at)
       SELECT m.meeting_id, m.internal_meeting_id, m.name, to_timestamp(m.create_ms / 1000.0) AT TIME ZONE 'UTC',
              m.recorded, m.is_breakout, m.parent_id, m.participants, m.moderators, m.hash,
              to_timestamp($11::float8 / 1000.0) AT TIME ZONE 'UTC', NULL, to_timestamp($11::float8 / 1000.0) AT TIME ZONE 'UTC'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::boolean[], $6::boolean[], $7::text[],
                   $8::int[], $9::int[], $10::text[])
            AS m(meeting_id, internal_meeting_id, name, create_ms, recorded, is_breakout, parent_id, participants, moderators, hash)
       ON CONFLICT (internal_meeting_id) DO UPDATE SET
         meeting_id = EXCLUDED.meeting_id, name = EXCLUDED.name, session_date = EXCLUDED.session_date,
         recorded = EXCLUDED.recorded, is_breakout = EXCLUDED.is_breakout, parent_meeting_id = EXCLUDED.parent_meeting_id,
         participant_count = EXCLUDED.participant_count, moderator_count = EXCLUDED.moderator_count,
         sync_hash = EXCLUDED.sync_hash, last_seen_running_at = EXCLUDED.last_seen_running_at, ended_at = NULL,
         updated_at = EXCLUDED.updated_at
       RETURNING id, internal_meeting_id`,
      [
        m.map((x) => x.meeting.meetingID),
        m.map((x) => x.meeting.internalMeetingID),
        m.map((x) => x.meeting.meetingName),
        m.map((x) => x.meeting.createTime),
        m.map((x) => x.meeting.recording),
        m.map((x) => x.meeting.isBreakout),
        m.map((x) => x.meeting.parentMeetingID),
        m.map((x) => x.meeting.participantCount),
        m.map((x) => x.meeting.moderatorCount),
        m.map((x) => x.hash),
        nowMs,
      ],
    )
    const idOf = new Map(ids.rows.map((r) => [r.internal_meeting_id, r.id]))
    const a = rows.attendees
    await client.query(
      `INSERT INTO attendees (meeting_id, attendee_key, full_name, normalized_name, role, bbb_user_id,
                              ext_user_id, match_status, last_seen_at, left_at, updated_at)
       SELECT a.meeting_id, a.key, a.full_name, a.normalized_name, a.role::"AttendeeRole", a.bbb_user_id,
              a.ext_user_id, 'UNMATCHED', to_timestamp($8::float8 / 1000.0) AT TIME ZONE 'UTC', NULL,
              to_timestamp($8::float8 / 1000.0) AT TIME ZONE 'UTC'
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
            AS a(meeting_id, key, full_name, normalized_name, role, bbb_user_id, ext_user_id)
       ON CONFLICT (meeting_id, attendee_key) DO UPDATE SET
         full_name = EXCLUDED.full_name, normalized_name = EXCLUDED.normalized_name, role = EXCLUDED.role,
         bbb_user_id = EXCLUDED.bbb_user_id, ext_user_id = EXCLUDED.ext_user_id,
         last_seen_at = EXCLUDED.last_seen_at, left_at = NULL, updated_at = EXCLUDED.updated_at`,
      [
        a.map((r) => idOf.get(r.internalMeetingId)!),
        a.map((r) => r.key),
        a.map((r) => r.fullName),
        a.map((r) => r.normalizedName),
        a.map((r) => r.role),
        a.map((r) => r.bbbUserId),
        a.map((r) => r.extUserId),
        nowMs,
      ],
    )
    await client.query("COMMIT")
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined)
    throw error
  }
  return performance.now() - started
}
