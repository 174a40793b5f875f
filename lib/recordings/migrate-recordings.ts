// migrate_bbb_recordings: reads every recording of the old BBB / Scalelite, numbers them 1..n (newest
// first), and for those in [min, max] claims their files, imports them as external recordings and/or
// exports them to CSV. A dry run reads everything and writes nothing (database, files, Moodle, queue).
// A fatal failure (old BBB, a Moodle database) stops the run: what was done stays done and is reported in
// the summary, and a re-run with the same options skips it and finishes the job.

import type { BbbClient } from "@/lib/bbb/client"
import { isBbbFailure } from "@/lib/bbb/errors"
import { db } from "@/lib/db"
import { AppError, type AppErrorCode, isAppError } from "@/lib/errors"

import { appendMoodleInfo } from "./append-moodle-info"
import { claimRecordingFile } from "./claim-recording-file"
import { type CsvRecord, exportRecordingsCsv } from "./export-recordings-csv"
import { findMoodleModerators, type MoodleModerators } from "./find-moodle-moderators"
import type { MigrationSettings } from "./get-migration-settings"
import { importExternalRecording } from "./import-external-recording"
import { listOldRecordings } from "./list-old-recordings"
import { type MoodleDatabase, openMoodleDatabase } from "./moodle-database"
import { type MigrationRow, toMigrationRow } from "./recording-row"
import { personLabel, type RecordingOwners, resolveRecordingOwners } from "./resolve-recording-owners"
import { type MigrateRecordingsOptionsInput, migrateRecordingsOptionsSchema } from "./schemas"

type MoodleLookup = MoodleModerators & { database: MoodleDatabase }

export type MigrationFailure = { number: number; recordID: string; name: string; reason: string }

export type MigrationSummary = {
  dry: boolean
  /** Recordings read from the server (readable ones), and those it listed as unreadable. */
  read: number
  unreadable: string[]
  inRange: number
  processed: number
  /** External recordings created (or that a dry run would create). */
  created: number
  /** External recordings already there (re-run). */
  skippedDuplicates: number
  downloaded: number
  queuedForConversion: number
  alreadyClaimed: number
  /** Recordings imported (--use-import-video) by how their owners were found. */
  ownersFrom: Record<RecordingOwners["source"], number>
  /** Distinct teacher accounts created (or that a dry run would create), however many recordings they moderated. */
  usersCreated: number
  /** Distinct Moodle activities told (or that a dry run would tell) that their recordings moved. */
  moodleInfoAppended: number
  moodleNoWriteAccess: number
  /** Recordings in range whose start time BBB gave in a form that could not be read (start_date left empty). */
  unreadableDates: { recordID: string; raw: string | null }[]
  csv: { file: string; rows: number; written: boolean } | null
  failed: MigrationFailure[]
  /** Set when the run stopped before the end (BBB or a Moodle database failed). */
  aborted: { code: AppErrorCode; message: string } | null
}

export type MigrationDependencies = {
  client: BbbClient
  settings: MigrationSettings
  log?: (line: string) => void
  onProgress?: (done: number, total: number) => void
}

export async function migrateRecordings(input: MigrateRecordingsOptionsInput, deps: MigrationDependencies): Promise<MigrationSummary> {
  const options = migrateRecordingsOptionsSchema.parse(input)
  const { settings } = deps
  const log = deps.log ?? (() => undefined)
  const dry = options.dry
  const say = (line: string) => log(dry ? `[dry] ${line}` : line)
  const summary: MigrationSummary = {
    dry,
    read: 0,
    unreadable: [],
    inRange: 0,
    processed: 0,
    created: 0,
    skippedDuplicates: 0,
    downloaded: 0,
    queuedForConversion: 0,
    alreadyClaimed: 0,
    ownersFrom: { meeting: 0, moodle: 0, admin: 0 },
    usersCreated: 0,
    moodleInfoAppended: 0,
    moodleNoWriteAccess: 0,
    unreadableDates: [],
    csv: options.useExportCsv ? { file: options.csvFile, rows: 0, written: false } : null,
    failed: [],
    aborted: null,
  }
  const moodleConnections = new Map<string, Promise<MoodleDatabase>>()
  const csvRecords: CsvRecord[] = []
  // One moderator of several recordings is one account, one activity with several recordings is told
  // once: a dry run (which creates and writes nothing) would otherwise count them once per recording.
  const accountsCreated = new Set<string>()
  const activitiesInformed = new Set<string>()
  const activitiesWithoutWriteAccess = new Set<string>()

  try {
    if (options.useImportVideo) await requireAdmin(settings.adminId)
    log(`Get the BBB recordings from ${new URL(deps.client.apiUrl).host}${settings.useCache ? " (USE_CACHE)" : ""}.`)
    const { recordings, unreadableRecordIDs, fromCache } = await listOldRecordings({
      client: deps.client,
      cache: { use: settings.useCache, file: settings.cacheFile, write: settings.useCache && !dry },
    })
    summary.read = recordings.length
    summary.unreadable = unreadableRecordIDs
    const first = options.minValueRecordProcess
    const last = Math.min(options.maxValueRecordProcess, recordings.length)
    const selected = recordings.slice(first - 1, last)
    summary.inRange = selected.length
    log(`Total number of records: ${recordings.length}${fromCache ? " (from the cache)" : ""}`)
    if (unreadableRecordIDs.length > 0) log(`The server could not read ${unreadableRecordIDs.length} recording(s): ${unreadableRecordIDs.join(", ")}`)
    log(`Number of records to be processed: ${selected.length}${selected.length > 0 ? ` (#${first} to #${last})` : ""}`)

    for (const [index, recording] of selected.entries()) {
      const number = first + index
      const row = toMigrationRow(recording, { playbackUrl23: settings.playbackUrl23 })
      if (row.startDate === null) summary.unreadableDates.push({ recordID: row.recordID, raw: recording.startTimeRaw ?? null })
      try {
        const moodle = options.useDatabaseMoodle ? await moodleModeratorsOf(row, recording.parentMeetingID) : null
        if (options.useExportCsv) csvRecords.push({ row, moodleOwners: moodle?.moderators.map(personLabel) })
        if (options.useManualClaim) await claim(number, row)
        if (options.useImportVideo) await importVideo(number, row, recording.parentMeetingID, moodle)
        summary.processed++
      } catch (error) {
        if (isFatal(error)) throw error
        summary.failed.push({ number, recordID: row.recordID, name: row.recordingName, reason: reasonOf(error) })
        log(`Recording #${number} (${row.recordID}) failed: ${reasonOf(error)}`)
      }
      deps.onProgress?.(index + 1, selected.length)
    }

    if (summary.csv) {
      summary.csv.rows = csvRecords.length
      if (dry) say(`write ${csvRecords.length} recording(s) to ${options.csvFile}`)
      else {
        await exportRecordingsCsv(csvRecords, { file: options.csvFile, withMoodleOwners: options.useDatabaseMoodle })
        summary.csv.written = true
      }
    }
  } catch (error) {
    summary.aborted = isBbbFailure(error, "checksumError") || isBbbFailure((error as { cause?: unknown }).cause, "checksumError")
      ? // A wrong secret will not heal by running again: it is a setting to fix (the command exits 2).
        { code: "INVALID_INPUT", message: "SCRIPT_BBB_SECRET_KEY: the old BBB server refused the checksum (checksumError); check SCRIPT_BBB_SECRET_KEY (and BBB_CHECKSUM_ALGORITHM)" }
      : { code: isAppError(error) ? error.code : "INTERNAL", message: error instanceof Error ? error.message : String(error) }
  } finally {
    for (const connection of moodleConnections.values()) await connection.then((moodle) => moodle.close()).catch(() => undefined)
  }
  return summary

  async function claim(number: number, row: MigrationRow) {
    const result = await claimRecordingFile({ row, recorderId: settings.recorderId, claimDirectory: settings.claimDirectory, dry })
    switch (result.action) {
      case "downloaded":
      case "would-download":
        summary.downloaded++
        return say(`Recording #${number} "${row.recordingName}": video playback downloaded to ${result.file}`)
      case "queued":
      case "would-queue":
        summary.queuedForConversion++
        return say(`Recording #${number} "${row.recordingName}": presentation queued for conversion to ${result.file}`)
      case "already-claimed":
        summary.alreadyClaimed++
        return log(`Recording #${number} "${row.recordingName}": already in the claim directory (${result.file})`)
      case "no-playback":
        throw new AppError("NOT_FOUND", { message: "no video nor presentation playback" })
    }
  }

  async function importVideo(number: number, row: MigrationRow, parentMeetingID: string | null, moodle: MoodleLookup | null) {
    const owners = await resolveRecordingOwners({
      internalMeetingIds: [row.internalMeetingID, ...(parentMeetingID ? [parentMeetingID] : [])],
      moodleModerators: moodle?.moderators ?? [],
      adminId: settings.adminId,
      dry,
    })
    for (const username of owners.usersCreated) accountsCreated.add(username)
    summary.usersCreated = accountsCreated.size
    const result = await importExternalRecording({ row, ownerIds: owners.ownerIds, dry })
    summary.created += result.created
    summary.skippedDuplicates += result.duplicates
    summary.ownersFrom[owners.source]++
    say(
      `Recording #${number} "${row.recordingName}", playback ${row.sourceUrl}, owner(s): ${owners.names.join(", ")} (${OWNER_SOURCES[owners.source]}): ` +
        `${result.created} external recording(s) created, ${result.duplicates} already there` +
        (owners.usersCreated.length ? `; teacher account(s) created: ${owners.usersCreated.join(", ")}` : ""),
    )
    if (moodle && moodle.activityIds.length > 0) {
      for (const activityId of moodle.activityIds) {
        const activity = `${moodle.database.name}/${activityId}`
        if (activitiesInformed.has(activity) || activitiesWithoutWriteAccess.has(activity)) continue
        const outcome = await appendMoodleInfo(moodle.database, { activityId, info: settings.info, dry })
        if (outcome === "appended" || outcome === "would-append") activitiesInformed.add(activity)
        if (outcome === "no-write-access") activitiesWithoutWriteAccess.add(activity)
        summary.moodleInfoAppended = activitiesInformed.size
        summary.moodleNoWriteAccess = activitiesWithoutWriteAccess.size
      }
    }
  }

  /** Moodle's moderators of a recording (its breakout parent's when it has none), from the database of its origin server. */
  async function moodleModeratorsOf(row: MigrationRow, parentMeetingID: string | null): Promise<MoodleLookup | null> {
    if (row.origin && row.origin.toLowerCase() !== "moodle") return null
    if (row.originServerName && settings.ignoredServers.includes(row.originServerName)) return null
    const key = row.originServerName && settings.moodleDatabases[row.originServerName] ? row.originServerName : "default"
    const url = settings.moodleDatabases[key]
    if (!url) return null
    let connection = moodleConnections.get(key)
    if (!connection) {
      connection = openMoodleDatabase(key, url)
      moodleConnections.set(key, connection)
    }
    const database = await connection
    let found = await findMoodleModerators(database, row.recordID)
    if (found.moderators.length === 0 && parentMeetingID) found = await findMoodleModerators(database, parentMeetingID)
    return { ...found, database }
  }
}

async function requireAdmin(adminId: number): Promise<void> {
  const admin = await db.user.findUnique({ where: { id: adminId }, select: { id: true } })
  if (!admin) throw new AppError("INVALID_INPUT", { message: `SCRIPT_ADMIN_ID: no user with id ${adminId}` })
}

/** Failures that would hit every following recording: stop rather than fill the report with them. */
function isFatal(error: unknown): boolean {
  return isAppError(error) && (error.code === "DATABASE_UNAVAILABLE" || error.code === "QUEUE_UNAVAILABLE")
}

/** How the owners of a recording were found, as the output says it. */
export const OWNER_SOURCES: Record<RecordingOwners["source"], string> = {
  meeting: "moderators of the recorded session",
  moodle: "Moodle moderators",
  admin: "no moderator found: fallback admin SCRIPT_ADMIN_ID",
}

function reasonOf(error: unknown): string {
  if (isAppError(error)) return `${error.code}: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}
