// Inputs of the recording migration (npm run migrate-recordings) and of the teacher's external recordings.
import { z } from "zod"

import { EXTERNAL_RECORDING_TYPES, type ExternalRecordingKind } from "./external-recording-types"
import { VIDEO_SHARINGS } from "./video-access"

const positiveInt = z.coerce.number({ message: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1")

/** The command's options, with the original migrate_bbb_recordings spellings mapped to camelCase. */
export const migrateRecordingsOptionsSchema = z
  .object({
    useManualClaim: z.boolean().default(false),
    useImportVideo: z.boolean().default(false),
    useDatabaseMoodle: z.boolean().default(false),
    useExportCsv: z.boolean().default(false),
    minValueRecordProcess: positiveInt.default(1),
    maxValueRecordProcess: positiveInt.default(10_000),
    dry: z.boolean().default(false),
    csvFile: z.string().trim().min(1, "must not be empty").default("out.csv"),
  })
  .superRefine((options, ctx) => {
    if (options.minValueRecordProcess > options.maxValueRecordProcess) {
      ctx.addIssue({ code: "custom", path: ["minValueRecordProcess"], message: "must not exceed --max-value-record-process" })
    }
    if (options.useDatabaseMoodle && !options.useImportVideo && !options.useExportCsv) {
      ctx.addIssue({ code: "custom", path: ["useDatabaseMoodle"], message: "only makes sense with --use-import-video or --use-export-csv" })
    }
  })
export type MigrateRecordingsOptions = z.output<typeof migrateRecordingsOptionsSchema>
export type MigrateRecordingsOptionsInput = z.input<typeof migrateRecordingsOptionsSchema>

/** Columns of the CSV export, in the original's order (moodle_owners only with --use-database-moodle). */
export const CSV_COLUMNS = [
  "meeting_name",
  "recording_name",
  "start_date",
  "origin",
  "origin_server_name",
  "origin_version",
  "origin_context",
  "origin_id",
  "origin_label",
  "description",
  "published",
  "state",
  "source_url",
] as const
export const CSV_MOODLE_COLUMN = "moodle_owners"

export { EXTERNAL_RECORDING_TYPES, type ExternalRecordingKind } from "./external-recording-types"

function isWebUrl(value: string): boolean {
  return URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol)
}

/** What each type's URL must look like (checked on the server and in the browser). */
function urlFitsType(type: ExternalRecordingKind, value: string): boolean {
  const url = new URL(value)
  switch (type) {
    case "BIGBLUEBUTTON":
      return /\/playback\//.test(url.pathname) || url.searchParams.has("meetingId")
    case "YOUTUBE":
      return /(^|\.)youtube\.com$/.test(url.hostname) || url.hostname === "youtu.be"
    case "PEERTUBE":
      return /^\/(w|videos\/watch)\/[^/]+/.test(url.pathname)
    case "VIDEO":
      return /\.(mp4|m4v|webm|mkv|mov|ogv)$/i.test(url.pathname)
  }
}

/** "Mes vidéos externes": add one by URL. Error messages are i18n keys (externalRecordings.errors.*). */
export const createExternalRecordingInputSchema = z
  .object({
    name: z.string().trim().min(1, "nameRequired").max(250, "nameTooLong"),
    type: z.enum(EXTERNAL_RECORDING_TYPES, { message: "typeInvalid" }),
    sourceUrl: z
      .string()
      .trim()
      .max(2_000, "urlInvalid")
      .refine(isWebUrl, "urlInvalid"),
  })
  .superRefine((input, ctx) => {
    if (!isWebUrl(input.sourceUrl)) return // already reported as urlInvalid
    if (!urlFitsType(input.type, input.sourceUrl)) {
      ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: `urlNot${input.type}` })
    }
  })
export type CreateExternalRecordingInput = z.input<typeof createExternalRecordingInputSchema>

export const recordingIdInputSchema = z.object({ id: z.coerce.number().int().positive() })

// « Mes vidéos ». Error messages are i18n keys (videos.errors.*).
const videoId = z.coerce.number({ message: "idInvalid" }).int("idInvalid").min(1, "idInvalid")
export const videoIdInputSchema = z.object({ id: videoId })
export const renameVideoInputSchema = z.object({ id: videoId, title: z.string().trim().min(1, "titleRequired").max(250, "titleTooLong") })
export const setVideoSharingInputSchema = z.object({ id: videoId, sharing: z.enum(VIDEO_SHARINGS, { message: "sharingInvalid" }) })
export const reassignVideoInputSchema = z.object({ id: videoId, owner: z.string().trim().min(1, "ownerRequired").max(320, "ownerRequired") })
/** A video's address token (hex, from the database's default). */
export const videoTokenSchema = z.string().regex(/^[0-9a-f]{16,64}$/)
