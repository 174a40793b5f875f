// Inputs of the recording migration (npm run migrate-recordings) and of the teacher's external recordings.
import { z } from "zod"

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
