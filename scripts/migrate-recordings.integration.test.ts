// `npm run migrate-recordings` as an operator runs it: a real process, the BBB simulator, PostgreSQL.
import { execFile } from "node:child_process"
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { promisify } from "node:util"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { createBbbClient } from "@/lib/bbb/client"
import { parseRecordingsXml } from "@/lib/bbb/parse-recordings"
import { startBbbSimulator, type BbbSimulator } from "@/tools/bbb-simulator/server"

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, "..")
let sim: BbbSimulator
let workdir: string

async function migrate(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(path.join(root, "node_modules/.bin/tsx"), ["scripts/migrate-recordings.ts", ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "silent", SCRIPT_BBB_SERVER_URL: `${sim.url}/`, SCRIPT_BBB_SECRET_KEY: "cli-secret", SCRIPT_CACHE_FILE: path.join(workdir, "cache.json"), ...env },
      timeout: 60_000,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: "cli-secret" })
  sim.state.generateRecordings({ count: 30, prefix: "cli" })
  workdir = await mkdtemp(path.join(tmpdir(), "migrate-cli-"))
})
afterAll(async () => {
  await sim.close()
  await rm(workdir, { recursive: true, force: true })
})

describe("npm run migrate-recordings", () => {
  it("--help explains every option of the original", async () => {
    const result = await migrate(["--help"])
    expect(result.code).toBe(0)
    for (const option of ["--use-manual-claim", "--use-import-video", "--use-database-moodle", "--use-export-csv", "--min-value-record-process", "--max-value-record-process", "--dry", "--csv-file"]) {
      expect(result.stdout).toContain(option)
    }
  })

  it("says in the summary how many start dates could not be read, and which", async () => {
    const cacheFile = path.join(workdir, "legacy-dates.json")
    const { recordings } = parseRecordingsXml(await readFile(path.join(root, "lib/bbb/fixtures/get-recordings-legacy-dates.xml"), "utf8"))
    const apiUrl = createBbbClient({ serverUrl: `${sim.url}/`, secret: "cli-secret" }).apiUrl
    await writeFile(cacheFile, JSON.stringify({ apiUrl, savedAt: new Date().toISOString(), unreadableRecordIDs: [], recordings }))
    const result = await migrate(["--use-export-csv", "--dry", "--csv-file", path.join(workdir, "dates.csv")], { USE_CACHE: "true", SCRIPT_CACHE_FILE: cacheFile })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("Total number of records: 4 (from the cache)")
    expect(result.stdout).toContain("  start dates not read (start_date left empty): 1\n    9a4f3b1c2d5e6f708192a3b4c5d6e7f809112233-1316720000000: \"2011-09-22 19:33:20\"\n")
  })

  it("accepts the original's --use_export_csv spelling; a dry run writes no file and draws no progress bar off a terminal", async () => {
    const file = path.join(workdir, "dry.csv")
    const result = await migrate(["--use_export_csv", "--max-value-record-process=10", "--dry", "--csv-file", file])
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("Total number of records: 30")
    expect(result.stdout).toContain("Number of records to be processed: 10 (#1 to #10)")
    expect(result.stdout).toContain(`[dry] write 10 recording(s) to ${file}`)
    expect(result.stdout).toContain("Summary (dry run: nothing was written)")
    expect(result.stdout).not.toContain("[#")
    await expect(readdir(workdir)).resolves.not.toContain("dry.csv")
  })

  it("draws a progress bar on a terminal (through script(1), which gives it a pseudo-terminal)", async () => {
    const file = path.join(workdir, "tty.csv")
    const command = `${path.join(root, "node_modules/.bin/tsx")} scripts/migrate-recordings.ts --use-export-csv --csv-file ${file}`
    const { stdout } = await run("script", ["-qec", command, "/dev/null"], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "silent", SCRIPT_BBB_SERVER_URL: `${sim.url}/`, SCRIPT_BBB_SECRET_KEY: "cli-secret", SCRIPT_CACHE_FILE: path.join(workdir, "cache.json") },
      timeout: 60_000,
    })
    expect(stdout).toContain("[##############################] 30/30")
    expect(stdout).toContain(`CSV: 30 row(s) written to ${file}`)
  })

  it("exports the CSV and prints the summary", async () => {
    const file = path.join(workdir, "out.csv")
    const result = await migrate(["--use-export-csv", "--min-value-record-process", "3", "--max-value-record-process", "7", "--csv-file", file])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/read: 30\n\s+in range: 5, processed: 5/)
    expect(result.stdout).toContain(`CSV: 5 row(s) written to ${file}`)
    const csv = await readFile(file, "utf8")
    expect(csv.startsWith("\uFEFFmeeting_name;recording_name;start_date;")).toBe(true)
    expect(csv.match(/;https?:\/\/[^;\n]+\/playback\/presentation\/2\.3\//g)).toHaveLength(5)
  })

  it("writes a recording named like a spreadsheet formula as text (CSV injection)", async () => {
    const evil = await startBbbSimulator({ port: 0, secret: "cli-secret" })
    try {
      evil.state.addRecording({ meetingID: "formula-meeting", name: '=HYPERLINK("http://evil.example/","open")', formats: ["presentation"] })
      const file = path.join(workdir, "formula.csv")
      const result = await migrate(["--use-export-csv", "--csv-file", file], { SCRIPT_BBB_SERVER_URL: `${evil.url}/`, SCRIPT_CACHE_FILE: path.join(workdir, "formula-cache.json") })
      expect(result.code).toBe(0)
      const [, line] = (await readFile(file, "utf8")).split("\n")
      // quoted because of its quotes, and prefixed with an apostrophe: a spreadsheet shows it, never runs it
      expect(line).toContain(`;"'=HYPERLINK(""http://evil.example/"",""open"")";`)
      expect(line).not.toMatch(/(^|;)"?=/)
    } finally {
      await evil.close()
    }
  })

  it("writes out.csv by default in the directory the command was typed in", async () => {
    const result = await migrate(["--use-export-csv", "--max-value-record-process=2"], { INIT_CWD: workdir })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`CSV: 2 row(s) written to ${path.join(workdir, "out.csv")}`)
    expect((await readdir(workdir)).includes("out.csv")).toBe(true)
  })

  it("names bad options and missing settings (exit 2)", async () => {
    const unknown = await migrate(["--use-import"])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("Unknown option '--use-import'")
    const range = await migrate(["--use-export-csv", "--min-value-record-process=9", "--max-value-record-process=2"])
    expect(range.code).toBe(2)
    expect(range.stderr).toContain("--min-value-record-process: must not exceed --max-value-record-process")
    const notNumber = await migrate(["--use-export-csv", "--max-value-record-process=ten"])
    expect(notNumber.code).toBe(2)
    expect(notNumber.stderr).toContain("--max-value-record-process: must be a whole number")
    const settings = await migrate(["--use-import-video", "--dry"], { SCRIPT_BBB_SERVER_URL: "", SCRIPT_ADMIN_ID: "" })
    expect(settings.code).toBe(2)
    expect(settings.stderr).toContain("SCRIPT_BBB_SERVER_URL")
    expect(settings.stderr).toContain("SCRIPT_ADMIN_ID")
    const moodle = await migrate(["--use-export-csv", "--use-database-moodle"], { DB_PARAMS: "{not json" })
    expect(moodle.code).toBe(2)
    expect(moodle.stderr).toContain("DB_PARAMS: must be JSON")
  })

  it("names a wrong SCRIPT_BBB_SECRET_KEY (BBB's checksumError) as a configuration error (exit 2), not an outage", async () => {
    const secret = await migrate(["--use-export-csv", "--csv-file", path.join(workdir, "secret.csv")], { SCRIPT_BBB_SECRET_KEY: "wrong-secret" })
    expect(secret.code).toBe(2)
    expect(secret.stderr).toContain("Configuration error: SCRIPT_BBB_SECRET_KEY: the old BBB server refused the checksum (checksumError)")
    expect(secret.stderr).not.toContain("run the same command again")
  })

  it("exits 1 with a clear message when the old BBB does not answer", async () => {
    const result = await migrate(["--use-export-csv", "--csv-file", path.join(workdir, "down.csv")], { SCRIPT_BBB_SERVER_URL: "http://127.0.0.1:9/" })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("Migration stopped (BBB_UNAVAILABLE): getRecordings failed after 0 recording(s) were read")
    expect(result.stderr).toContain("run the same command again to finish")
  })
})
