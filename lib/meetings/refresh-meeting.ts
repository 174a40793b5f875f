// Targeted refresh of ONE session (a bbb-webhooks event named it): getMeetingInfo instead of the whole
// getMeetings answer, so a session created a moment ago is listed within a fraction of a second even
// on a server with a thousand rooms. Writes the same rows as the sync (writeBatch), under the same
// advisory lock (it waits for a sync in progress: that sync may have read BBB before the event). A
// session BBB no longer knows (or lists as not running) has ended. A failed BBB call throws before
// anything is written. The periodic sync stays the source of truth.
import type { BbbMeeting } from "@/lib/bbb/schemas"
import { db } from "@/lib/db"

import { attendeeRows } from "./attendee-rows"
import { matchNewModerators } from "./match-attendees"
import { SYNC_LOCK_KEY, writeBatch } from "./sync-meetings"

/** What the targeted refresh needs from the BBB client. */
export type MeetingInfoSource = { getMeetingInfo(meetingID: string): Promise<BbbMeeting | null> }

export type RefreshMeetingResult = { changed: number; endedMeetingIds: number[]; matchesChanged: number }

/** `meetingID` is BBB's external meeting id (the one API calls take). */
export async function refreshMeeting(options: { source: MeetingInfoSource; meetingID: string; now?: Date }): Promise<RefreshMeetingResult> {
  const meeting = await options.source.getMeetingInfo(options.meetingID) // throws on any BBB failure
  const nowMs = (options.now ?? new Date()).getTime()
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SYNC_LOCK_KEY})`
      if (!meeting || !meeting.running) {
        const ended = await tx.$queryRaw<{ id: number }[]>`
          UPDATE meetings SET ended_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC',
                              updated_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
          WHERE meeting_id = ${options.meetingID} AND ended_at IS NULL
          RETURNING id`
        return { changed: 0, endedMeetingIds: ended.map((e) => e.id), matchesChanged: 0 }
      }
      const [row] = await writeBatch(tx, { meetings: [{ m: meeting, hash: null }], attendees: attendeeRows(meeting) }, nowMs)
      if (!row) return { changed: 0, endedMeetingIds: [], matchesChanged: 0 }
      if (!row.inserted) {
        await tx.$executeRaw`
          UPDATE attendees SET left_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
          WHERE meeting_id = ${row.id} AND left_at IS NULL
            AND last_seen_at < to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'`
      }
      const matches = await matchNewModerators([row.id], tx)
      return { changed: 1, endedMeetingIds: [], matchesChanged: matches.length }
    },
    { timeout: 30_000, maxWait: 10_000 },
  )
}
