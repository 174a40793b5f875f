// npm run bench:csv — time to export 10,000 old recordings to CSV (issue "Migrating old BBB recordings").
//
// Starts the BBB simulator in-process with 10,000 generated recordings (video and presentation playbacks,
// Moodle metadata, unicode and ';'/quote names), then runs `migrateRecordings({ useExportCsv })` end to
// end, 3 times: getRecordings read in pages of 100 through our BBB client, rows built, CSV rendered by
// csv-stringify and written atomically. Prints each phase and the median. Talks only to 127.0.0.1 and
// writes only a temporary directory; the database is not used by a CSV-only run.
//
//   npm run bench:csv [-- --recordings 10000 --runs 3]
import { mkdtemp, rm, stat } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "node:util"

import { createBbbClient } from "@/lib/bbb/client"
import { bootstrap } from "@/lib/boot/bootstrap"
import { exportRecordingsCsv } from "@/lib/recordings/export-recordings-csv"
import { listOldRecordings } from "@/lib/recordings/list-old-recordings"
import { migrateRecordings } from "@/lib/recordings/migrate-recordings"
import { toMigrationRow } from "@/lib/recordings/recording-row"
import { startBbbSimulator } from "@/tools/bbb-simulator/server"

import { median, ms, table } from "./support/figures"

const { values: args } = parseArgs({ options: { recordings: { type: "string", default: "10000" }, runs: { type: "string", default: "3" } } })
const count = Number(args.recordings)
const runs = Number(args.runs)

// A CSV-only run needs no database nor Redis, but the settings are validated all the same.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/bbb_pod_live_bench"
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00"
process.env.BBB_SERVER_URL ??= "http://127.0.0.1:9/"
process.env.BBB_SECRET_KEY ??= "bench"
process.env.LOG_LEVEL ??= "silent"

// The settings this bench set above, validated (no .env: the bench runs on its own databases).
await bootstrap("bench:csv", { dotenv: false, services: false })

const sim = await startBbbSimulator({ port: 0, secret: "bench-secret" })
const workdir = await mkdtemp(path.join(os.tmpdir(), "bench-csv-"))
try {
  sim.state.generateRecordings({ count, seed: 1 })
  const client = createBbbClient({ serverUrl: sim.url, secret: "bench-secret", timeoutMs: 60_000 })
  const settings = {
    serverUrl: sim.url,
    secret: "bench-secret",
    checksumAlgorithm: "sha1" as const,
    timeoutMs: 60_000,
    playbackUrl23: true,
    recorderId: "1",
    claimDirectory: path.join(workdir, "claim"),
    adminId: 1,
    info: "",
    ignoredServers: [],
    useCache: false,
    cacheFile: path.join(workdir, "cache.json"),
    moodleDatabases: {},
  }
  // warm-up: the simulator renders and caches each recording's XML once
  await client.getRecordings({ state: "any" })

  const totals: number[] = []
  const reads: number[] = []
  const writes: number[] = []
  let size = 0
  for (let run = 1; run <= runs; run++) {
    const file = path.join(workdir, `out-${run}.csv`)
    let started = performance.now()
    const summary = await migrateRecordings({ useExportCsv: true, csvFile: file }, { client, settings })
    totals.push(performance.now() - started)
    if (summary.aborted || summary.csv?.rows !== count) throw new Error(`bench run failed: ${JSON.stringify(summary.aborted ?? summary.csv)}`)
    size = (await stat(file)).size
    // the same work in two phases, to see where the time goes
    started = performance.now()
    const { recordings } = await listOldRecordings({ client, cache: { use: false, file: "", write: false } })
    reads.push(performance.now() - started)
    started = performance.now()
    await exportRecordingsCsv(
      recordings.map((recording) => ({ row: toMigrationRow(recording, { playbackUrl23: true }) })),
      { file: path.join(workdir, `phase-${run}.csv`), withMoodleOwners: false },
    )
    writes.push(performance.now() - started)
  }
  console.log(`CSV export of ${count.toLocaleString("en-US")} recordings (${(size / 1e6).toFixed(1)} MB CSV), ${runs} runs, ${os.cpus().length} cores, Node ${process.version}`)
  console.log(
    table([
        ["", "median", "runs"],
        ["whole command (migrateRecordings --use-export-csv)", ms(median(totals)), totals.map(ms).join(", ")],
        ["  getRecordings, 100 pages of 100 (simulator, in-process)", ms(median(reads)), reads.map(ms).join(", ")],
        ["  rows + csv-stringify + atomic write", ms(median(writes)), writes.map(ms).join(", ")],
    ]),
  )
} finally {
  await sim.close()
  await rm(workdir, { recursive: true, force: true })
}
