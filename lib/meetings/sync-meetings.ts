// Meeting sync (domain flow 1): one getMeetings answer → meetings and attendees in PostgreSQL, in a
// few set-based statements whatever the number of meetings. Meetings whose XML did not change since
// the last sync are not parsed again (their hash is kept in meetings.sync_hash); a meeting absent from
// a successful answer (or listed as not running) has ended. A failed BBB call throws before anything
// is written: "BBB down" is never read as "no meetings".
import { parseMeetingChunks } from "@/lib/bbb/parse-meetings"
import type { BbbMeeting, MeetingChunk } from "@/lib/bbb/schemas"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"
import { normalizeName } from "@/lib/users/normalize-name"

import { matchNewModerators } from "./match-attendees"

/** What the sync needs from the BBB client. */
export type MeetingsSource = { getMeetingChunks(): Promise<MeetingChunk[]> }

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

const SYNC_LOCK_KEY = 4_242_001 // pg advisory lock: never two syncs at once, across processes

type AttendeeRow = {
  meetingDbId: number
  key: string
  fullName: string
  normalizedName: string
  role: "MODERATOR" | "VIEWER"
  bbbUserId: string | null
  extUserId: string | null
}

/** One row per (meeting, attendee key); a person connected twice keeps the moderator role if any. */
function attendeeRows(meeting: BbbMeeting, meetingDbId: number): AttendeeRow[] {
  const rows = new Map<string, AttendeeRow>()
  for (const a of meeting.attendees) {
    const normalizedName = normalizeName(a.fullName)
    const key = a.userID || `${a.role}:${normalizedName}`
    const existing = rows.get(key)
    if (existing && (existing.role === "MODERATOR" || a.role !== "MODERATOR")) continue
    rows.set(key, {
      meetingDbId,
      key,
      fullName: a.fullName,
      normalizedName,
      role: a.role,
      bbbUserId: a.userID || null,
      extUserId: a.externalUserID,
    })
  }
  return [...rows.values()]
}

async function upsertMeetings(tx: Prisma.TransactionClient, meetings: { m: BbbMeeting; hash: string }[], nowMs: number) {
  if (meetings.length === 0) return { ids: new Map<string, number>(), existingIds: [] as number[] }
  const col = <T>(f: (x: { m: BbbMeeting; hash: string }) => T) => meetings.map(f)
  const rows = await tx.$queryRaw<{ id: number; internal_meeting_id: string; inserted: boolean }[]>`
    INSERT INTO meetings (meeting_id, internal_meeting_id, name, session_date, recorded, is_breakout,
                          parent_meeting_id, participant_count, moderator_count, sync_hash,
                          last_seen_running_at, ended_at, updated_at)
    SELECT m.meeting_id, m.internal_meeting_id, m.name, to_timestamp(m.create_ms / 1000.0) AT TIME ZONE 'UTC',
           m.recorded, m.is_breakout, m.parent_id, m.participants, m.moderators, m.hash,
           to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC', NULL,
           to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
    FROM unnest(${col((x) => x.m.meetingID)}::text[], ${col((x) => x.m.internalMeetingID)}::text[],
                ${col((x) => x.m.meetingName)}::text[], ${col((x) => x.m.createTime)}::float8[],
                ${col((x) => x.m.recording)}::boolean[], ${col((x) => x.m.isBreakout)}::boolean[],
                ${col((x) => x.m.parentMeetingID)}::text[], ${col((x) => x.m.participantCount)}::int[],
                ${col((x) => x.m.moderatorCount)}::int[], ${col((x) => x.hash)}::text[])
         AS m(meeting_id, internal_meeting_id, name, create_ms, recorded, is_breakout, parent_id,
              participants, moderators, hash)
    ON CONFLICT (internal_meeting_id) DO UPDATE SET
      meeting_id = EXCLUDED.meeting_id, name = EXCLUDED.name, session_date = EXCLUDED.session_date,
      recorded = EXCLUDED.recorded, is_breakout = EXCLUDED.is_breakout,
      parent_meeting_id = EXCLUDED.parent_meeting_id, participant_count = EXCLUDED.participant_count,
      moderator_count = EXCLUDED.moderator_count, sync_hash = EXCLUDED.sync_hash,
      last_seen_running_at = EXCLUDED.last_seen_running_at, ended_at = NULL, updated_at = EXCLUDED.updated_at
    RETURNING id, internal_meeting_id, (xmax = 0) AS inserted`
  return {
    ids: new Map(rows.map((r) => [r.internal_meeting_id, r.id])),
    /** Meetings that were already there (a new one has no attendee who could have left). */
    existingIds: rows.filter((r) => !r.inserted).map((r) => r.id),
  }
}

async function upsertAttendees(tx: Prisma.TransactionClient, rows: AttendeeRow[], existingMeetingIds: number[], nowMs: number) {
  if (rows.length > 0) {
    const col = <T>(f: (r: AttendeeRow) => T) => rows.map(f)
    // A changed name, external id or role resets an automatic match (re-done right after); an
    // admin's assignment stays.
    await tx.$executeRaw`
      INSERT INTO attendees (meeting_id, attendee_key, full_name, normalized_name, role, bbb_user_id,
                             ext_user_id, match_status, last_seen_at, left_at, updated_at)
      SELECT a.meeting_id, a.key, a.full_name, a.normalized_name, a.role::"AttendeeRole", a.bbb_user_id,
             a.ext_user_id, 'UNMATCHED', to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC', NULL,
             to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
      FROM unnest(${col((r) => r.meetingDbId)}::int[], ${col((r) => r.key)}::text[], ${col((r) => r.fullName)}::text[],
                  ${col((r) => r.normalizedName)}::text[], ${col((r) => r.role)}::text[],
                  ${col((r) => r.bbbUserId)}::text[], ${col((r) => r.extUserId)}::text[])
           AS a(meeting_id, key, full_name, normalized_name, role, bbb_user_id, ext_user_id)
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
        last_seen_at = EXCLUDED.last_seen_at, left_at = NULL, updated_at = EXCLUDED.updated_at`
  }
  // Whoever is no longer listed in a changed meeting has left it.
  if (existingMeetingIds.length === 0) return
  await tx.$executeRaw`
    UPDATE attendees SET left_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
    WHERE meeting_id = ANY(${existingMeetingIds}::int[]) AND left_at IS NULL
      AND last_seen_at < to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'`
}

export async function syncMeetings(options: { source: MeetingsSource; now?: Date }): Promise<SyncResult> {
  const started = performance.now()
  const chunks = await options.source.getMeetingChunks() // throws on any BBB failure: nothing written
  const fetched = performance.now()
  const nowMs = (options.now ?? new Date()).getTime()

  // Scalelite can list one meeting twice (two servers answering): keep the first.
  const unique = new Map<string, MeetingChunk>()
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
        if (knownHash.get(chunk.internalMeetingID) === chunk.hash) unchangedIds.push(chunk.internalMeetingID)
        else changed.push(chunk)
      }

      const parseStart = performance.now()
      const parsed = parseMeetingChunks(changed) // a malformed meeting throws: the transaction rolls back
      parseMs = performance.now() - parseStart
      const running = parsed.map((m, i) => ({ m, hash: changed[i]!.hash })).filter((x) => x.m.running)

      const { ids, existingIds } = await upsertMeetings(tx, running, nowMs)
      const rows = running.flatMap(({ m }) => attendeeRows(m, ids.get(m.internalMeetingID)!))
      const changedDbIds = [...ids.values()]
      await upsertAttendees(tx, rows, existingIds, nowMs)
      const matches = await matchNewModerators(changedDbIds, tx)

      if (unchangedIds.length > 0) {
        await tx.$executeRaw`
          UPDATE meetings SET last_seen_running_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
          WHERE internal_meeting_id = ANY(${unchangedIds}::text[])`
      }
      const seen = [...unchangedIds, ...running.map((x) => x.m.internalMeetingID)]
      const ended = await tx.$queryRaw<{ id: number }[]>`
        UPDATE meetings SET ended_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC',
                            updated_at = to_timestamp(${nowMs}::float8 / 1000.0) AT TIME ZONE 'UTC'
        WHERE ended_at IS NULL AND NOT (internal_meeting_id = ANY(${seen}::text[]))
        RETURNING id`

      const totalMs = performance.now() - started
      return {
        skipped: false as const,
        meetings: seen.length,
        changed: running.length,
        unchanged: unchangedIds.length,
        endedMeetingIds: ended.map((e) => e.id),
        attendeesWritten: rows.length,
        matchesChanged: matches.length,
        timings: { fetchMs: fetched - started, parseMs, writeMs: totalMs - (fetched - started) - parseMs, totalMs },
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  )
}
