// The migration against the BBB simulator serving a few hundred old recordings, real PostgreSQL and Redis.
import { randomUUID } from "node:crypto"
import { readFileSync } from "node:fs"
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"

import { Queue } from "bullmq"
import { Redis } from "ioredis"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

import { createBbbClient } from "@/lib/bbb/client"
import { parseRecordingsXml } from "@/lib/bbb/parse-recordings"
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { queuePrefix } from "@/lib/redis-keys"
import { seedAttendee, seedMeeting, seedUser } from "@/prisma/seed/factories"
import { type BbbSimulator, startBbbSimulator } from "@/tools/bbb-simulator/server"

import type { MigrationSettings } from "./get-migration-settings"
import { RECORDINGS_CONVERT_QUEUE, recordingConvertJobId } from "./jobs"
import { migrateRecordings } from "./migrate-recordings"
import type { MigrateRecordingsOptionsInput } from "./schemas"

const SECRET = "migration-secret"
let sim: BbbSimulator
let workdir: string
let redis: Redis

beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: SECRET })
  redis = new Redis(getEnv().REDIS_URL, { maxRetriesPerRequest: 1 })
})
afterAll(async () => {
  await sim.close()
  redis.disconnect()
})
beforeEach(async () => {
  sim.state.reset()
  workdir = await mkdtemp(path.join(tmpdir(), "migrate-recordings-"))
  return () => rm(workdir, { recursive: true, force: true })
})

/** A fresh admin and a unique recording prefix per test: no test sees another's rows. */
async function setup(count = 300) {
  const admin = await seedUser({ role: "ADMIN" })
  const prefix = `rec${randomUUID().slice(0, 8)}`
  const { recordIDs } = sim.state.generateRecordings({ count, prefix, seed: 3 })
  const settings: MigrationSettings = {
    serverUrl: sim.url,
    secret: SECRET,
    checksumAlgorithm: "sha1",
    timeoutMs: 5_000,
    playbackUrl23: true,
    recorderId: "1",
    claimDirectory: path.join(workdir, "recorder", "1"),
    adminId: admin.id,
    info: "<p>Moved to Pod</p>",
    ignoredServers: [],
    useCache: false,
    cacheFile: path.join(workdir, "cache.json"),
    moodleDatabases: {},
  }
  const client = createBbbClient({ serverUrl: sim.url, secret: SECRET, timeoutMs: 5_000 })
  const lines: string[] = []
  const run = (options: MigrateRecordingsOptionsInput, overrides: Partial<MigrationSettings> = {}) =>
    migrateRecordings(options, { client, settings: { ...settings, ...overrides }, log: (line) => lines.push(line) })
  return { admin, recordIDs, settings, run, lines }
}

const byStartDesc = (ids: string[]) => [...ids].sort((a, b) => Number(b.split("-").at(-1)) - Number(a.split("-").at(-1)))

describe("--use-import-video", () => {
  it("dry run changes nothing; then ranges create one external recording each, and re-runs create no duplicates", async () => {
    const { admin, recordIDs, run, lines } = await setup()
    const dry = await run({ useImportVideo: true, dry: true, minValueRecordProcess: 1, maxValueRecordProcess: 50 })
    expect(dry).toMatchObject({ dry: true, read: 300, inRange: 50, processed: 50, created: 50, skippedDuplicates: 0, failed: [], aborted: null })
    expect(lines.some((line) => line.startsWith("[dry] Recording #1 "))).toBe(true)
    expect(await db.externalRecording.count({ where: { ownerId: admin.id } })).toBe(0)

    const first = await run({ useImportVideo: true, minValueRecordProcess: 1, maxValueRecordProcess: 50 })
    expect(first).toMatchObject({ read: 300, inRange: 50, created: 50, skippedDuplicates: 0, failed: [], aborted: null })
    const rows = await db.externalRecording.findMany({ where: { ownerId: admin.id }, select: { sourceUrl: true, type: true, name: true } })
    expect(rows).toHaveLength(50)
    expect(rows.every((row) => row.type === "BIGBLUEBUTTON")).toBe(true)
    // numbered newest first: #1..#50 are the 50 most recent recordings
    const newest = byStartDesc(recordIDs).slice(0, 50)
    expect(rows.map((row) => row.sourceUrl.split("/").at(-1)).sort()).toEqual([...newest].sort())
    expect(rows.every((row) => row.sourceUrl.startsWith(`${sim.url}/playback/presentation/2.3/`))).toBe(true)

    const again = await run({ useImportVideo: true, minValueRecordProcess: 1, maxValueRecordProcess: 50 })
    expect(again).toMatchObject({ created: 0, skippedDuplicates: 50, failed: [] })
    const overlap = await run({ useImportVideo: true, minValueRecordProcess: 41, maxValueRecordProcess: 60 })
    expect(overlap).toMatchObject({ inRange: 20, created: 10, skippedDuplicates: 10 })
    expect(await db.externalRecording.count({ where: { ownerId: admin.id } })).toBe(60)
  })

  it("gives the recording to the moderators matched in the recorded meeting, and a breakout child to its parent's", async () => {
    const { admin, run, lines } = await setup(24)
    const teacher = await seedUser({ role: "TEACHER", firstName: "Jeanne", lastName: "Moderatrice" })
    const { recordings } = await createBbbClient({ serverUrl: sim.url, secret: SECRET }).getRecordings({ state: "any" })
    const child = recordings.find((recording) => recording.isBreakout)!
    const parent = recordings.find((recording) => recording.internalMeetingID === child.parentMeetingID)!
    const meeting = await seedMeeting({ internalMeetingId: parent.internalMeetingID, running: false })
    await seedAttendee({ meetingId: meeting.id, userId: teacher.id, matchStatus: "BY_NAME" })
    const summary = await run({ useImportVideo: true })
    expect(summary).toMatchObject({ read: 24, created: 24, failed: [], aborted: null })
    const mine = await db.externalRecording.findMany({ where: { ownerId: teacher.id }, select: { sourceUrl: true } })
    expect(mine.map((row) => row.sourceUrl.split("/").at(-1)).sort()).toEqual([parent.recordID, child.recordID].sort())
    expect(await db.externalRecording.count({ where: { ownerId: admin.id } })).toBe(22)
    // A real run names each recording's owners and how they were found; the summary counts each way.
    expect(summary.ownersFrom).toEqual({ meeting: 2, moodle: 0, admin: 22 })
    const lineOf = (recordID: string) => lines.find((line) => line.includes(recordID))!
    expect(lineOf(parent.recordID)).toContain(`owner(s): Jeanne Moderatrice (${teacher.username}) (moderators of the recorded session)`)
    expect(lineOf(child.recordID)).toContain(`owner(s): Jeanne Moderatrice (${teacher.username}) (moderators of the recorded session)`)
    const other = recordings.find((recording) => recording.recordID !== parent.recordID && recording.recordID !== child.recordID)!
    expect(lineOf(other.recordID)).toContain(`(${admin.username}) (no moderator found: fallback admin SCRIPT_ADMIN_ID)`)
    expect(lineOf(other.recordID)).not.toMatch(/^\[dry\]/)
  })

  it("a wrong SCRIPT_BBB_SECRET_KEY (checksumError) is a configuration error naming the setting, not an outage", async () => {
    const { settings } = await setup(3)
    const client = createBbbClient({ serverUrl: sim.url, secret: "not-the-secret", timeoutMs: 5_000 })
    const summary = await migrateRecordings({ useImportVideo: true }, { client, settings })
    expect(summary.aborted?.code).toBe("INVALID_INPUT")
    expect(summary.aborted?.message).toMatch(/^SCRIPT_BBB_SECRET_KEY: .*checksumError/)
    expect(summary.processed).toBe(0)
  })

  it("refuses an admin id that does not exist, before writing anything", async () => {
    const { run } = await setup(5)
    const summary = await run({ useImportVideo: true }, { adminId: 2_000_000_000 })
    expect(summary.aborted).toEqual({ code: "INVALID_INPUT", message: "SCRIPT_ADMIN_ID: no user with id 2000000000" })
    expect(summary.processed).toBe(0)
  })
})

describe("a BBB failing mid-way", () => {
  it.each([
    ["HTTP 500", { type: "http-error", status: 500 }],
    ["FAILED", { type: "failed", messageKey: "internalError" }],
    ["malformed XML", { type: "malformed", variant: "truncated" }],
  ] as const)("%s on page 3: a clear error with what was read, nothing half done, and a re-run finishes", async (_label, fault) => {
    const { admin, run } = await setup()
    sim.state.addFault({ call: "getRecordings", fault, times: 1, after: 2 })
    const stopped = await run({ useImportVideo: true })
    expect(stopped.aborted?.code).toBe("BBB_UNAVAILABLE")
    expect(stopped.aborted?.message).toContain("getRecordings failed after 200 recording(s) were read")
    expect(stopped.processed).toBe(0)
    expect(await db.externalRecording.count({ where: { ownerId: admin.id } })).toBe(0)
    const rerun = await run({ useImportVideo: true })
    expect(rerun).toMatchObject({ read: 300, created: 300, aborted: null })
  })

  it("a timeout says so, and no CSV is written from a partial list", async () => {
    const { settings } = await setup(10)
    sim.state.addFault({ call: "getRecordings", fault: { type: "hang" }, times: 1 })
    const client = createBbbClient({ serverUrl: sim.url, secret: SECRET, timeoutMs: 300 })
    const summary = await migrateRecordings({ useExportCsv: true, csvFile: path.join(workdir, "t.csv") }, { client, settings })
    expect(summary.aborted?.code).toBe("BBB_UNAVAILABLE")
    expect(summary.aborted?.message).toMatch(/no complete answer within 300 ms/)
    expect(summary.csv?.written).toBe(false)
    await expect(readdir(workdir)).resolves.not.toContain("t.csv")
  })
})

describe("--use-export-csv", () => {
  it("writes the header and one row per recording in range, ';'-separated and quoted, atomically", async () => {
    const { run } = await setup()
    // still processing, or deleted: nothing to migrate (BBB's default states)
    sim.state.addRecording({ meetingID: "processing", state: "processing" })
    sim.state.addRecording({ meetingID: "deleted", state: "deleted" })
    const file = path.join(workdir, "out.csv")
    const summary = await run({ useExportCsv: true, csvFile: file, minValueRecordProcess: 1, maxValueRecordProcess: 30 })
    expect(summary.read).toBe(300)
    expect(summary.csv).toEqual({ file, rows: 30, written: true })
    const csv = await readFile(file, "utf8")
    expect(csv.startsWith("\uFEFF")).toBe(true) // like the admin exports: spreadsheets read the accents right
    const lines = csv.slice(1).trimEnd().split("\n")
    expect(lines[0]).toBe(
      "meeting_name;recording_name;start_date;origin;origin_server_name;origin_version;origin_context;origin_id;origin_label;description;published;state;source_url",
    )
    expect(csv.endsWith("\n")).toBe(true)
    expect(csv).toMatch(/"Réunion; ""bilan"" n°\d+"/)
    expect(csv).toContain('"Cours')
    expect((await readdir(workdir)).filter((name) => name.endsWith(".part"))).toEqual([])
  })

  it("writes the header alone when the server has no recording; a dry run writes no file", async () => {
    const { run } = await setup(1)
    sim.state.reset()
    const file = path.join(workdir, "empty.csv")
    expect((await run({ useExportCsv: true, csvFile: file, dry: true })).csv).toEqual({ file, rows: 0, written: false })
    await expect(readdir(workdir)).resolves.not.toContain("empty.csv")
    await run({ useExportCsv: true, csvFile: file })
    expect(await readFile(file, "utf8")).toBe(
      "\uFEFFmeeting_name;recording_name;start_date;origin;origin_server_name;origin_version;origin_context;origin_id;origin_label;description;published;state;source_url\n",
    )
  })

  it("fills start_date from every date shape old servers emitted, and counts the dates it could not read", async () => {
    const { run, settings } = await setup(1)
    // An old server's answer (the cache holds what getRecordings answered, as USE_CACHE reuses it).
    const { recordings } = parseRecordingsXml(readFileSync(new URL("../bbb/fixtures/get-recordings-legacy-dates.xml", import.meta.url), "utf8"))
    await writeFile(settings.cacheFile, JSON.stringify({ apiUrl: createBbbClient({ serverUrl: sim.url, secret: SECRET }).apiUrl, savedAt: new Date().toISOString(), unreadableRecordIDs: [], recordings }))
    const file = path.join(workdir, "dates.csv")
    const summary = await run({ useExportCsv: true, csvFile: file }, { useCache: true })
    expect(summary).toMatchObject({ read: 4, processed: 4, aborted: null })
    expect(summary.unreadableDates).toEqual([{ recordID: "9a4f3b1c2d5e6f708192a3b4c5d6e7f809112233-1316720000000", raw: "2011-09-22 19:33:20" }])
    const startDates = (await readFile(file, "utf8")).trim().split("\n").slice(1).map((line) => line.split(";")[2])
    expect(startDates).toEqual(["2018-07-04T15:38:41.124Z", "2011-11-18T12:10:23.000Z", "2011-09-22T18:47:55.000Z", ""])
  })
})

describe("USE_CACHE", () => {
  it("keeps the last answer and reuses it without asking BBB; a dry run writes no cache", async () => {
    const { run, settings } = await setup(40)
    await run({ useExportCsv: true, csvFile: path.join(workdir, "a.csv"), dry: true }, { useCache: true })
    await expect(readFile(settings.cacheFile)).rejects.toThrow()
    await run({ useExportCsv: true, csvFile: path.join(workdir, "a.csv") }, { useCache: true })
    const calls = sim.state.callCounts().getRecordings
    const cached = await run({ useExportCsv: true, csvFile: path.join(workdir, "b.csv") }, { useCache: true })
    expect(cached).toMatchObject({ read: 40, aborted: null })
    expect(sim.state.callCounts().getRecordings).toBe(calls)
    expect(await readFile(path.join(workdir, "b.csv"), "utf8")).toBe(await readFile(path.join(workdir, "a.csv"), "utf8"))
  })
})

describe("--use-manual-claim", () => {
  it("downloads video playbacks atomically, queues presentations, names never collide, re-runs do nothing twice", async () => {
    const { settings, run } = await setup(20)
    const dry = await run({ useManualClaim: true, dry: true })
    expect(dry).toMatchObject({ inRange: 20, downloaded: 8, queuedForConversion: 12, failed: [] })
    await expect(readdir(settings.claimDirectory)).rejects.toThrow()

    const summary = await run({ useManualClaim: true })
    expect(summary).toMatchObject({ downloaded: 8, queuedForConversion: 12, alreadyClaimed: 0, failed: [], aborted: null })
    const files = await readdir(settings.claimDirectory)
    expect(files.filter((name) => name.endsWith(".m4v"))).toHaveLength(8)
    expect(files.filter((name) => name.endsWith(".part"))).toEqual([])
    const rows = await db.claimableRecording.findMany({ where: { sourceFile: { startsWith: settings.claimDirectory } } })
    expect(rows).toHaveLength(20)
    expect(new Set(rows.map((row) => row.sourceFile)).size).toBe(20)
    expect(rows.filter((row) => row.status === "WAITING")).toHaveLength(8)
    const video = rows.find((row) => row.status === "WAITING")!
    expect(await readFile(video.sourceFile)).toEqual(sim.state.getPlaybackVideo(video.originRecordId!))
    const converting = rows.find((row) => row.status === "CONVERTING")!
    const queue = new Queue(RECORDINGS_CONVERT_QUEUE, { connection: redis, prefix: queuePrefix() })
    try {
      const job = await queue.getJob(recordingConvertJobId({ claimableRecordingId: converting.id }))
      expect(job?.data).toEqual({ claimableRecordingId: converting.id })
    } finally {
      await queue.close()
    }
    const again = await run({ useManualClaim: true })
    expect(again).toMatchObject({ downloaded: 0, queuedForConversion: 0, alreadyClaimed: 20 })
  })

  it("a download that fails or breaks off is reported with its reason, leaves no partial file, and a re-run finishes", async () => {
    const { settings, run } = await setup(20)
    sim.state.addFault({ call: "playback", fault: { type: "http-error", status: 503 }, times: 1, after: 1 })
    sim.state.addFault({ call: "playback", fault: { type: "malformed", variant: "truncated" }, times: 1, after: 3 })
    const summary = await run({ useManualClaim: true })
    expect(summary.downloaded).toBe(6)
    expect(summary.failed).toHaveLength(2)
    expect(summary.failed.map((failure) => failure.reason).join("\n")).toMatch(/HTTP 503/)
    expect(summary.failed.map((failure) => failure.reason).join("\n")).toMatch(/broke off|terminated|other side closed/)
    expect((await readdir(settings.claimDirectory)).filter((name) => name.endsWith(".part"))).toEqual([])
    const rerun = await run({ useManualClaim: true })
    expect(rerun).toMatchObject({ downloaded: 2, alreadyClaimed: 18, failed: [] })
  })
})
