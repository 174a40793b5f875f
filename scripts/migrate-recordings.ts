// npm run migrate-recordings -- [options]: the original migrate_bbb_recordings command (see --help).
import path from "node:path"
import { parseArgs } from "node:util"

import { createBbbClient } from "@/lib/bbb/client"
import { bootstrap } from "@/lib/boot/bootstrap"
import { db } from "@/lib/db"
import { closeQueues } from "@/lib/queues"
import { getMigrationSettings } from "@/lib/recordings/get-migration-settings"
import { migrateRecordings, OWNER_SOURCES } from "@/lib/recordings/migrate-recordings"
import { migrateRecordingsOptionsSchema } from "@/lib/recordings/schemas"
import { getProducerRedis } from "@/lib/redis"

const HELP = `Usage: npm run migrate-recordings -- [options]

Migrates the recordings of an old BigBlueButton / Scalelite server (SCRIPT_BBB_SERVER_URL,
SCRIPT_BBB_SECRET_KEY). Recordings are numbered 1..n, newest first; only those between
--min-value-record-process and --max-value-record-process are processed. Re-runs create no duplicates.

Options:
  --use-manual-claim             Put each recording into the claim directory of recorder SCRIPT_RECORDER_ID
                                 (DEFAULT_RECORDER_PATH/<id>/): a video playback is downloaded, a
                                 presentation-only recording is queued for conversion to video.
  --use-import-video             Create one external recording ("Mes vidéos externes") per owner: the
                                 moderators of the matching meeting, else the Moodle moderators (with
                                 --use-database-moodle), else the user SCRIPT_ADMIN_ID.
  --use-database-moodle          Find moderators in the Moodle databases of DB_PARAMS (chosen by the
                                 recording's bbb-origin-server-name, IGNORED_SERVERS skipped); add SCRIPT_INFO
                                 to the activities once when the account may write. With --use-import-video
                                 or --use-export-csv (a moodle_owners column).
  --use-export-csv               Export the recordings to a ';'-separated CSV file (also --use_export_csv).
  --csv-file <path>              CSV file to write (default: out.csv in the current directory).
  --min-value-record-process <n> First recording number to process (default 1).
  --max-value-record-process <n> Last recording number to process (default 10000).
  --dry                          Simulate: read everything, print what would be done, write nothing.
  --help                         Show this help.

Settings (environment, see .env.example): SCRIPT_BBB_SERVER_URL, SCRIPT_BBB_SECRET_KEY, SCRIPT_PLAYBACK_URL_23,
SCRIPT_RECORDER_ID, SCRIPT_ADMIN_ID, SCRIPT_INFO, IGNORED_SERVERS, USE_CACHE, SCRIPT_CACHE_FILE, DB_PARAMS,
DEFAULT_RECORDER_PATH.

With --use-import-video, each recording's line names its owners and how they were found (moderators of
the recorded session, Moodle moderators, or the fallback admin SCRIPT_ADMIN_ID); the summary counts each.
An admin gives a recording left to SCRIPT_ADMIN_ID to its teacher in Administration › Vidéos.

Exit status: 0 done, 1 stopped or some recordings failed (a re-run finishes the job), 2 bad options or
settings (a wrong SCRIPT_BBB_SECRET_KEY, which the server answers with checksumError, included).`

let args
try {
  args = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: {
      "use-manual-claim": { type: "boolean" },
      "use-import-video": { type: "boolean" },
      "use-database-moodle": { type: "boolean" },
      "use-export-csv": { type: "boolean" },
      use_export_csv: { type: "boolean" },
      "csv-file": { type: "string" },
      "min-value-record-process": { type: "string" },
      "max-value-record-process": { type: "string" },
      dry: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }).values
} catch (error) {
  console.error(`${(error as Error).message}\nSee --help.`)
  process.exit(2)
}
if (args.help) {
  console.log(HELP)
  process.exit(0)
}

const parsedOptions = migrateRecordingsOptionsSchema.safeParse({
  useManualClaim: args["use-manual-claim"] ?? false,
  useImportVideo: args["use-import-video"] ?? false,
  useDatabaseMoodle: args["use-database-moodle"] ?? false,
  useExportCsv: Boolean(args["use-export-csv"] || args.use_export_csv),
  // `npm run` starts scripts in the project root; the CSV lands where the operator typed the command
  // (npm's INIT_CWD), as the original's out.csv did.
  csvFile: path.resolve(process.env.INIT_CWD ?? process.cwd(), args["csv-file"] ?? "out.csv"),
  minValueRecordProcess: args["min-value-record-process"],
  maxValueRecordProcess: args["max-value-record-process"],
  dry: args.dry ?? false,
})
if (!parsedOptions.success) {
  const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
  console.error(`Invalid options:\n${parsedOptions.error.issues.map((i) => `  - ${flag(String(i.path[0] ?? ""))}: ${i.message}`).join("\n")}\nSee --help.`)
  process.exit(2)
}
const options = parsedOptions.data

// Options first, settings next (both exit 2); the services are checked by the steps that need them.
const env = await bootstrap("migrate-recordings", { services: false })
let settings
try {
  settings = getMigrationSettings(env, options)
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}

const tty = Boolean(process.stdout.isTTY)
let bar = ""
function drawBar(done: number, total: number) {
  if (!tty || total < 2) return
  const width = 30
  const filled = Math.round((done / total) * width)
  bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`
  process.stdout.write(`\r\x1b[K${bar}`)
}
function log(line: string) {
  if (tty && bar) process.stdout.write("\r\x1b[K")
  console.log(line)
  if (tty && bar) process.stdout.write(bar)
}

// Only --use-manual-claim queues jobs (conversions), through the shared producer: Redis down is reported as QUEUE_UNAVAILABLE.
const queuesJobs = options.useManualClaim && !options.dry
let code = 0
try {
  const client = createBbbClient({ serverUrl: settings.serverUrl, secret: settings.secret, checksumAlgorithm: settings.checksumAlgorithm, timeoutMs: settings.timeoutMs })
  const summary = await migrateRecordings(options, { client, settings, log, onProgress: drawBar })
  if (tty && bar) process.stdout.write("\r\x1b[K")
  const lines = [
    "-----",
    summary.dry ? "Summary (dry run: nothing was written)" : "Summary",
    `  read: ${summary.read}${summary.unreadable.length ? ` (+${summary.unreadable.length} unreadable on the server)` : ""}`,
    `  in range: ${summary.inRange}, processed: ${summary.processed}`,
    `  start dates not read (start_date left empty): ${summary.unreadableDates.length}`,
  ]
  for (const date of summary.unreadableDates.slice(0, 10)) lines.push(`    ${date.recordID}: ${date.raw === null ? "no startTime" : JSON.stringify(date.raw)}`)
  if (summary.unreadableDates.length > 10) lines.push(`    … and ${summary.unreadableDates.length - 10} more`)
  if (options.useImportVideo) {
    lines.push(`  external recordings ${summary.dry ? "to create" : "created"}: ${summary.created}, skipped as duplicates: ${summary.skippedDuplicates}`)
    lines.push(`  owners found: ${Object.entries(OWNER_SOURCES).map(([source, how]) => `${summary.ownersFrom[source as keyof typeof OWNER_SOURCES]} by ${how}`).join(", ")}`)
    lines.push(`  teacher accounts ${summary.dry ? "to create" : "created"}: ${summary.usersCreated}`)
    if (options.useDatabaseMoodle) {
      lines.push(`  Moodle activities informed (SCRIPT_INFO): ${summary.moodleInfoAppended}${summary.moodleNoWriteAccess ? `, ${summary.moodleNoWriteAccess} without write access` : ""}`)
    }
  }
  if (options.useManualClaim) {
    lines.push(`  videos ${summary.dry ? "to download" : "downloaded"}: ${summary.downloaded}, presentations ${summary.dry ? "to queue" : "queued"} for conversion: ${summary.queuedForConversion}, already claimable: ${summary.alreadyClaimed}`)
  }
  if (summary.csv) lines.push(`  CSV: ${summary.csv.written ? `${summary.csv.rows} row(s) written to ${summary.csv.file}` : `not written (${summary.dry ? "dry run" : "run stopped"}; ${summary.csv.rows} row(s))`}`)
  lines.push(`  failed: ${summary.failed.length}`)
  for (const failure of summary.failed) lines.push(`    #${failure.number} ${failure.recordID} "${failure.name}": ${failure.reason}`)
  console.log(lines.join("\n"))
  if (summary.aborted?.code === "INVALID_INPUT") {
    // a setting to fix (SCRIPT_BBB_SECRET_KEY, SCRIPT_ADMIN_ID): running again as it is would fail the same way
    console.error(`Configuration error: ${summary.aborted.message}`)
    code = 2
  } else if (summary.aborted) {
    console.error(`Migration stopped (${summary.aborted.code}): ${summary.aborted.message}\nWhat is listed above was done and is kept; run the same command again to finish.`)
    code = 1
  } else if (summary.failed.length > 0) code = 1
} catch (error) {
  const e = error as Error & { code?: string }
  console.error(`Migration failed${e.code ? ` (${e.code})` : ""}: ${e.message}`)
  code = 1
} finally {
  if (queuesJobs) {
    await closeQueues().catch(() => undefined)
    getProducerRedis().disconnect()
  }
  await db.$disconnect()
}
process.exit(code)
