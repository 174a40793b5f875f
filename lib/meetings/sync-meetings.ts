// Meeting sync (domain flow 1): one getMeetings answer → meetings and attendees in PostgreSQL, in a
// few set-based statements whatever the number of meetings. Meetings whose XML did not change since
// the last sync are not parsed again (their hash is kept in meetings.sync_hash): the known hashes are
// read before the request, so the streamed answer is only hashed for them, never decoded nor kept (a
// 93 MB answer with nothing changed costs its transfer, one scan and one sha256). A meeting absent from
// a successful answer (or listed as not running) has ended. A failed BBB call throws before anything
// is written: "BBB down" is never read as "no meetings".
import { parseMeetingChunks } from "@/lib/bbb/parse-meetings"
import type { BbbMeeting, GetMeetingChunksOptions, MeetingChunk, ScannedMeetingChunk } from "@/lib/bbb/schemas"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { attendeeRows, type AttendeeRow } from "./attendee-rows"
import { matchNewModerators } from "./match-attendees"

/** What the sync needs from the BBB client. */
export type MeetingsSource = { getMeetingChunks(options: GetMeetingChunksOptions): Promise<ScannedMeetingChunk[]> }

export type SyncStats = {
  skipped: false
  /** Running meetings in the answer. */
  meetings: number
  /** Meetings parsed and written because new or changed. */
  changed: number
  unchanged: number
  /** Database ids of the meetings that ended in this sync. */
  endedMeetingIds: number[]
  attendeesWritten: number
  matchesChanged: number
  timings: { fetchMs: number; parseMs: number; writeMs: number; totalMs: number }
}
export type SyncResult = SyncStats | { skipped: true; reason: "another sync is running" }

export const SYNC_LOCK_KEY = 4_242_001 // pg advisory lock: never two syncs at once, across processes

/** `hash` NULL (a targeted refresh, which has no getMeetings chunk) makes the next sync re-parse it. */
export type MeetingBatch = { meetings: { m: BbbMeeting; hash: string | null }[]; attendees: AttendeeRow[] }

/**
 * Upserts a batch of meetings and their attendees in ONE statement (a data-modifying CTE joins the
 * attendees to their meeting's id), so the sync can parse the next batch while PostgreSQL writes this
 * one. A changed name, external id or role resets an automatic match (re-done after the writes); an
 * admin's assignment stays.
 */
export async function writeBatch(tx: Prisma.TransactionClient, batch: MeetingBatch, nowMs: number) {
  const meetingCol = <T>(f: (x: { m: BbbMeeting; hash: string | null }) => T) => batch.meetings.map(f)
  const col = <T>(f: (r: AttendeeRow) => T) => batch.attendees.map(f)
  return tx.$queryRaw<{ id: number; internal_meeting_id: string; inserted: boolean }[]>`
    WITH m AS (
      INSERT INTO meetings (meeting_id, internal_meeting_id, name, session_date, recorded, is_breakout,
                            parent_meeting_id, participant_count, moderator_count, sync_hash,
                            last_seen_running_at, ended_at, updated_at)
      SELECT m.meeting_id, m.internal_meeting_id, m.name, to_timestamp(m.create_ms / 1000.0) AT TIME ZONE 'UTC',
             m.recorded, m.is_breakout, m.parent_id, m.participants, m.moderators, m.hash,
             to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC', NULL,
             to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
      FROM unnest(${meetingCol((x) => x.m.meetingID)}::text[], ${meetingCol((x) => x.m.internalMeetingID)}::text[],
                  ${meetingCol((x) => x.m.meetingName)}::text[], ${meetingCol((x) => x.m.createTime)}::float8[],
                  ${meetingCol((x) => x.m.recording)}::boolean[], ${meetingCol((x) => x.m.isBreakout)}::boolean[],
                  ${meetingCol((x) => x.m.parentMeetingID)}::text[], ${meetingCol((x) => x.m.participantCount)}::int[],
                  ${meetingCol((x) => x.m.moderatorCount)}::int[], ${meetingCol((x) => x.hash)}::text[])
           AS m(meeting_id, internal_meeting_id, name, create_ms, recorded, is_breakout, parent_id,
                participants, moderators, hash)
      ON CONFLICT (internal_meeting_id) DO UPDATE SET
        meeting_id = EXCLUDED.meeting_id, name = EXCLUDED.name, session_date = EXCLUDED.session_date,
        recorded = EXCLUDED.recorded, is_breakout = EXCLUDED.is_breakout,
        parent_meeting_id = EXCLUDED.parent_meeting_id, participant_count = EXCLUDED.participant_count,
        moderator_count = EXCLUDED.moderator_count, sync_hash = EXCLUDED.sync_hash,
        last_seen_running_at = EXCLUDED.last_seen_running_at, ended_at = NULL, updated_at = EXCLUDED.updated_at
      RETURNING id, internal_meeting_id, (xmax = 0) AS inserted
    ), a AS (
      INSERT INTO attendees (meeting_id, attendee_key, full_name, normalized_name, role, bbb_user_id,
                             ext_user_id, match_status, last_seen_at, left_at, updated_at)
      SELECT m.id, a.key, a.full_name, a.normalized_name, a.role::"AttendeeRole", a.bbb_user_id,
             a.ext_user_id, 'UNMATCHED', to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC', NULL,
             to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
      FROM unnest(${col((r) => r.internalMeetingId)}::text[], ${col((r) => r.key)}::text[], ${col((r) => r.fullName)}::text[],
                  ${col((r) => r.normalizedName)}::text[], ${col((r) => r.role)}::text[],
                  ${col((r) => r.bbbUserId)}::text[], ${col((r) => r.extUserId)}::text[])
           AS a(internal_meeting_id, key, full_name, normalized_name, role, bbb_user_id, ext_user_id)
      JOIN m ON m.internal_meeting_id = a.internal_meeting_id
      ON CONFLICT (meeting_id, attendee_key) DO UPDATE SET
        match_status = CASE
          WHEN attendees.match_status = 'BY_ADMIN' THEN attendees.match_status
          WHEN attendees.normalized_name <> EXCLUDED.normalized_name
            OR attendees.ext_user_id IS DISTINCT FROM EXCLUDED.ext_user_id
            OR attendees.role <> EXCLUDED.role THEN 'UNMATCHED'::"MatchStatus"
          ELSE attendees.match_status END,
        user_id = CASE
          WHEN attendees.match_status = 'BY_ADMIN' THEN attendees.user_id
          WHEN attendees.normalized_name <> EXCLUDED.normalized_name
            OR attendees.ext_user_id IS DISTINCT FROM EXCLUDED.ext_user_id
            OR attendees.role <> EXCLUDED.role THEN NULL
          ELSE attendees.user_id END,
        full_name = EXCLUDED.full_name, normalized_name = EXCLUDED.normalized_name, role = EXCLUDED.role,
        bbb_user_id = EXCLUDED.bbb_user_id, ext_user_id = EXCLUDED.ext_user_id,
        last_seen_at = EXCLUDED.last_seen_at, left_at = NULL, updated_at = EXCLUDED.updated_at
    )
    SELECT id, internal_meeting_id, inserted FROM m`
}

/** Meetings parsed and written per batch: parsing batch n+1 overlaps PostgreSQL writing batch n. */
const WRITE_BATCH_MEETINGS = 200

export async function syncMeetings(options: { source: MeetingsSource; now?: Date }): Promise<SyncResult> {
  const started = performance.now()
  // A session seen running after this answer was requested (a webhook's targeted refresh in another
  // process) is not ended by it, even though the answer does not list it.
  const requestedMs = options.now?.getTime() ?? Date.now()
  // Hashes of the running meetings, read before the request: what the answer repeats is only hashed.
  // Re-checked inside the transaction (a targeted refresh may have written in between).
  const before = await db.$queryRaw<{ internal_meeting_id: string; sync_hash: string | null }[]>`
    SELECT internal_meeting_id, sync_hash FROM meetings WHERE ended_at IS NULL AND sync_hash IS NOT NULL`
  const hashBefore = new Map(before.map((k) => [k.internal_meeting_id, k.sync_hash]))
  const chunks = await options.source.getMeetingChunks({ isUnchanged: (id, hash) => hashBefore.get(id) === hash }) // throws on any BBB failure: nothing written
  const fetched = performance.now()
  const nowMs = (options.now ?? new Date()).getTime()

  // Scalelite can list one meeting twice (two servers answering): keep the first.
  const unique = new Map<string, ScannedMeetingChunk>()
  for (const chunk of chunks) if (!unique.has(chunk.internalMeetingID)) unique.set(chunk.internalMeetingID, chunk)

  let parseMs = 0
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SYNC_LOCK_KEY}) AS locked`
      if (!lock?.locked) return { skipped: true as const, reason: "another sync is running" as const }

      const known = await tx.$queryRaw<{ internal_meeting_id: string; sync_hash: string | null }[]>`
        SELECT internal_meeting_id, sync_hash FROM meetings WHERE ended_at IS NULL`
      const knownHash = new Map(known.map((k) => [k.internal_meeting_id, k.sync_hash]))
      const changed: MeetingChunk[] = []
      const unchangedIds: string[] = []
      for (const chunk of unique.values()) {
        // Skipped unread (xml null) but changed since: a targeted refresh wrote it meanwhile from a
        // fresher getMeetingInfo; it stays as written, and its NULL hash makes the next sync re-read it.
        if (chunk.xml === null || knownHash.get(chunk.internalMeetingID) === chunk.hash) unchangedIds.push(chunk.internalMeetingID)
        else changed.push(chunk)
      }

      const ids = new Map<string, number>()
      const existingIds: number[] = []
      let attendeesWritten = 0
      let writing: Promise<void> = Promise.resolve()
      for (let start = 0; start < changed.length; start += WRITE_BATCH_MEETINGS) {
        const chunkBatch = changed.slice(start, start + WRITE_BATCH_MEETINGS)
        const parseStart = performance.now()
        let batch: MeetingBatch
        try {
          const meetings = parseMeetingChunks(chunkBatch)
            .map((m, i) => ({ m, hash: chunkBatch[i]!.hash }))
            .filter((x) => x.m.running)
          batch = { meetings, attendees: meetings.flatMap(({ m }) => attendeeRows(m)) }
        } catch (error) {
          // A malformed meeting: let the write in flight settle, then roll everything back.
          await writing.catch(() => undefined)
          throw error
        }
        parseMs += performance.now() - parseStart
        await writing
        writing = batch.meetings.length
          ? writeBatch(tx, batch, nowMs).then((rows) => {
              for (const r of rows) {
                ids.set(r.internal_meeting_id, r.id)
                if (!r.inserted) existingIds.push(r.id)
              }
              attendeesWritten += batch.attendees.length
            })
          : Promise.resolve()
        writing.catch(() => undefined) // awaited below; avoids an unhandled rejection meanwhile
        await new Promise((resolve) => setImmediate(resolve)) // let the query leave before the next parse
      }
      await writing
      const changedDbIds = [...ids.values()]
      // Whoever is no longer listed in a changed meeting that existed before has left it.
      if (existingIds.length > 0) {
        await tx.$executeRaw`
          UPDATE attendees SET left_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
          WHERE meeting_id = ANY(${existingIds}::int[]) AND left_at IS NULL
            AND last_seen_at < to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'`
      }
      const matches = await matchNewModerators(changedDbIds, tx)

      if (unchangedIds.length > 0) {
        await tx.$executeRaw`
          UPDATE meetings SET last_seen_running_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
          WHERE internal_meeting_id = ANY(${unchangedIds}::text[])`
      }
      const seen = [...unchangedIds, ...ids.keys()]
      const ended = await tx.$queryRaw<{ id: number }[]>`
        UPDATE meetings SET ended_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC',
                            updated_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
        WHERE ended_at IS NULL AND NOT (internal_meeting_id = ANY(${seen}::text[]))
          AND last_seen_running_at < to_timestamp(${requestedMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
        RETURNING id`

      const totalMs = performance.now() - started
      return {
        skipped: false as const,
        meetings: seen.length,
        changed: ids.size,
        unchanged: unchangedIds.length,
        endedMeetingIds: ended.map((e) => e.id),
        attendeesWritten,
        matchesChanged: matches.length,
        timings: { fetchMs: fetched - started, parseMs, writeMs: totalMs - (fetched - started) - parseMs, totalMs },
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  )
}
