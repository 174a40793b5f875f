// --use-database-moodle against real Moodle tables created here, in PostgreSQL and in MariaDB.
import { randomUUID } from "node:crypto"
import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"

import mysql from "mysql2/promise"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { createBbbClient } from "@/lib/bbb/client"
import { db } from "@/lib/db"
import { seedUser } from "@/prisma/seed/factories"
import { type BbbSimulator, startBbbSimulator } from "@/tools/bbb-simulator/server"
import { TEST_ENV } from "@/vitest.test-env"

import type { MigrationSettings } from "./get-migration-settings"
import { migrateRecordings } from "./migrate-recordings"
import type { MigrateRecordingsOptionsInput } from "./schemas"

const SECRET = "moodle-secret"
const INFO = "<p>Vos enregistrements sont dans « Mes vidéos externes ».</p>"

type Dialect = "postgresql" | "mysql"
type MoodleFixture = { url: string; readOnlyUrl: string; otherConnections(): Promise<number>; exec(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>; drop(): Promise<void> }

const TABLES = {
  postgresql: [
    "CREATE TABLE mdl_user (id BIGSERIAL PRIMARY KEY, username VARCHAR(100) NOT NULL, firstname VARCHAR(100), lastname VARCHAR(100), email VARCHAR(100), deleted SMALLINT NOT NULL DEFAULT 0)",
    "CREATE TABLE mdl_bigbluebuttonbn (id BIGSERIAL PRIMARY KEY, course BIGINT NOT NULL DEFAULT 1, name VARCHAR(1333) NOT NULL, intro TEXT, participants TEXT)",
    "CREATE TABLE mdl_bigbluebuttonbn_recordings (id BIGSERIAL PRIMARY KEY, courseid BIGINT NOT NULL DEFAULT 1, bigbluebuttonbnid BIGINT NOT NULL, recordingid VARCHAR(64) NOT NULL, status SMALLINT NOT NULL DEFAULT 0)",
  ],
  mysql: [
    "CREATE TABLE mdl_user (id BIGINT AUTO_INCREMENT PRIMARY KEY, username VARCHAR(100) NOT NULL, firstname VARCHAR(100), lastname VARCHAR(100), email VARCHAR(100), deleted SMALLINT NOT NULL DEFAULT 0) CHARACTER SET utf8mb4",
    "CREATE TABLE mdl_bigbluebuttonbn (id BIGINT AUTO_INCREMENT PRIMARY KEY, course BIGINT NOT NULL DEFAULT 1, name VARCHAR(1333) NOT NULL, intro LONGTEXT, participants LONGTEXT) CHARACTER SET utf8mb4",
    "CREATE TABLE mdl_bigbluebuttonbn_recordings (id BIGINT AUTO_INCREMENT PRIMARY KEY, courseid BIGINT NOT NULL DEFAULT 1, bigbluebuttonbnid BIGINT NOT NULL, recordingid VARCHAR(64) NOT NULL, status SMALLINT NOT NULL DEFAULT 0) CHARACTER SET utf8mb4",
  ],
}

async function createMoodle(dialect: Dialect, suffix: string): Promise<MoodleFixture> {
  const name = `moodle_recordings_${suffix}`
  const reader = `moodle_ro_${suffix}`
  if (dialect === "postgresql") {
    const server = new URL(TEST_ENV.DATABASE_URL)
    const adminUrl = Object.assign(new URL(server), { pathname: "/postgres" }).toString()
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.query(`CREATE ROLE ${reader} LOGIN`)
    await admin.end()
    const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    for (const sql of TABLES.postgresql) await client.query(sql)
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`)
    const readOnly = Object.assign(new URL(url), { username: reader })
    return {
      url,
      readOnlyUrl: readOnly.toString(),
      otherConnections: async () =>
        Number((await client.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows[0].n),
      exec: async (sql, params = []) => (await client.query(sql.replace(/\?/g, (_, offset: number) => `$${sql.slice(0, offset).split("?").length}`), params)).rows,
      drop: async () => {
        await client.end()
        const again = new pg.Client({ connectionString: adminUrl })
        await again.connect()
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await again.query(`DROP ROLE IF EXISTS ${reader}`)
        await again.end()
      },
    }
  }
  const root = await mysql.createConnection({ host: "127.0.0.1", port: 3306, user: "root", charset: "utf8mb4", multipleStatements: false })
  await root.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`)
  await root.query(`CREATE USER '${reader}'@'%' IDENTIFIED BY 'reader-pw'`)
  await root.query(`GRANT SELECT ON ${name}.* TO '${reader}'@'%'`)
  await root.query(`USE ${name}`)
  for (const sql of TABLES.mysql) await root.query(sql)
  return {
    url: `mysql://root@127.0.0.1:3306/${name}`,
    readOnlyUrl: `mysql://${reader}:reader-pw@127.0.0.1:3306/${name}`,
    otherConnections: async () => {
      const [rows] = await root.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()", [name])
      return Number((rows as { n: number }[])[0]!.n)
    },
    exec: async (sql, params = []) => {
      const [rows] = await root.query(sql, params)
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : []
    },
    drop: async () => {
      await root.query(`DROP DATABASE IF EXISTS ${name}`)
      await root.query(`DROP USER IF EXISTS '${reader}'@'%'`)
      await root.end()
    },
  }
}

let workdir: string
beforeAll(async () => {
  workdir = await mkdtemp(path.join(tmpdir(), "moodle-migration-"))
})
afterAll(async () => {
  await rm(workdir, { recursive: true, force: true })
})

describe.each(["postgresql", "mysql"] as const)("Moodle on %s", (dialect) => {
  const suffix = `${dialect === "mysql" ? "m" : "p"}${randomUUID().replace(/-/g, "").slice(0, 10)}`
  let moodle: MoodleFixture
  let settings: MigrationSettings
  let admin: { id: number }
  const ids = { withModerators: `${suffix}a-1587726717835`, notProcessed: `${suffix}b-1587726717836`, roleOnly: `${suffix}c-1587726717837`, ignored: `${suffix}d-1587726717838`, pod: `${suffix}e-1587726717839`, sameActivity: `${suffix}f-1587726717840` }
  const usernames = { a: `prof.a.${suffix}`, b: `prof.b.${suffix}`, student: `etu.${suffix}`, gone: `gone.${suffix}` }
  let activityId = 0
  let secondActivityId = 0
  let sim: BbbSimulator

  beforeAll(async () => {
    sim = await startBbbSimulator({ port: 0, secret: SECRET })
    moodle = await createMoodle(dialect, suffix)
    const people = [
      [usernames.a, "Zoë", "Ørsted", `a.${suffix}@univ.example`, 0],
      [usernames.b, "Jean-Éric", "O'Brien", `b.${suffix}@univ.example`, 0],
      [usernames.student, "Léa", "Petit", `s.${suffix}@univ.example`, 0],
      [usernames.gone, "Old", "Account", `g.${suffix}@univ.example`, 1],
    ]
    for (const person of people) await moodle.exec("INSERT INTO mdl_user (username, firstname, lastname, email, deleted) VALUES (?, ?, ?, ?, ?)", person)
    const users = await moodle.exec("SELECT id, username FROM mdl_user ORDER BY id")
    const idOf = (username: string) => String(users.find((user) => user.username === username)!.id)
    const participants = JSON.stringify([
      { selectiontype: "all", selectionid: "all", role: "viewer" },
      { selectiontype: "user", selectionid: idOf(usernames.a), role: "moderator" },
      { selectiontype: "user", selectionid: idOf(usernames.student), role: "viewer" },
      { selectiontype: "user", selectionid: Number(idOf(usernames.b)), role: "moderator" },
      { selectiontype: "user", selectionid: idOf(usernames.gone), role: "moderator" },
    ])
    await moodle.exec("INSERT INTO mdl_bigbluebuttonbn (name, intro, participants) VALUES (?, ?, ?)", ["Cours; \"TD\"", "<p>Intro</p>", participants])
    await moodle.exec("INSERT INTO mdl_bigbluebuttonbn (name, intro, participants) VALUES (?, ?, ?)", [
      "Par rôle",
      null,
      JSON.stringify([{ selectiontype: "role", selectionid: "editingteacher", role: "moderator" }]),
    ])
    const activities = await moodle.exec("SELECT id FROM mdl_bigbluebuttonbn ORDER BY id")
    activityId = Number(activities[0]!.id)
    const second = Number(activities[1]!.id)
    secondActivityId = second
    for (const [recordingid, activity, status] of [
      [ids.withModerators, activityId, 2],
      [ids.notProcessed, activityId, 1],
      [ids.roleOnly, second, 2],
      [ids.ignored, activityId, 2],
      [ids.sameActivity, activityId, 2], // a second session of the same activity, same moderators
    ] as const) {
      await moodle.exec("INSERT INTO mdl_bigbluebuttonbn_recordings (bigbluebuttonbnid, recordingid, status) VALUES (?, ?, ?)", [activity, recordingid, status])
    }
    const moodleMeta = (server: string) => ({ "bbb-origin": "Moodle", "bbb-origin-server-name": server, "bbb-context": "Cours; \"TD\"" })
    for (const [recordID, metadata] of [
      [ids.withModerators, moodleMeta("moodle.univ.example")],
      [ids.notProcessed, moodleMeta("moodle.univ.example")],
      [ids.roleOnly, moodleMeta("moodle.univ.example")],
      [ids.ignored, moodleMeta("moodle-test.univ.example")],
      [ids.pod, { "bbb-origin": "Pod", "bbb-origin-server-name": "pod.univ.example" }],
      [ids.sameActivity, moodleMeta("moodle.univ.example")],
    ] as const) {
      sim.state.addRecording({ recordID, meetingID: `m-${recordID}`, name: `Séance ${recordID}`, metadata, formats: ["presentation"], startTime: Number(recordID.split("-")[1]) })
    }
    admin = await seedUser({ role: "ADMIN" })
    settings = {
      serverUrl: sim.url,
      secret: SECRET,
      checksumAlgorithm: "sha1",
      timeoutMs: 5_000,
      playbackUrl23: true,
      recorderId: "1",
      claimDirectory: path.join(workdir, suffix),
      adminId: admin.id,
      info: INFO,
      ignoredServers: ["moodle-test.univ.example"],
      useCache: false,
      cacheFile: path.join(workdir, `${suffix}.json`),
      moodleDatabases: { default: moodle.url },
    }
  })
  afterAll(async () => {
    await sim.close()
    await moodle.drop()
  })

  const run = (options: MigrateRecordingsOptionsInput, overrides: Partial<MigrationSettings> = {}) =>
    migrateRecordings(
      { ...options, useDatabaseMoodle: true },
      { client: createBbbClient({ serverUrl: sim.url, secret: SECRET }), settings: { ...settings, ...overrides } },
    )
  const mine = () => ({ sourceUrl: { contains: suffix } })
  const intro = async (id = activityId) => (await moodle.exec("SELECT intro FROM mdl_bigbluebuttonbn WHERE id = ?", [id]))[0]!.intro

  it("dry run: reads Moodle, writes nothing (no account, no external recording, no intro change)", async () => {
    const summary = await run({ useImportVideo: true, dry: true })
    // both activities whose recordings move are told so (the second one's recording goes to the admin);
    // the two moderators of two recordings are two accounts, their activity of two recordings one activity
    expect(summary).toMatchObject({ aborted: null, failed: [], created: 8, usersCreated: 2, moodleInfoAppended: 2 })
    expect(await db.user.count({ where: { username: { in: [usernames.a, usernames.b] } } })).toBe(0)
    expect(await db.externalRecording.count({ where: mine() })).toBe(0)
    expect(await intro()).toBe("<p>Intro</p>")
  })

  it("every Moodle moderator gets the recording (accounts created as teachers); SCRIPT_INFO is added once; re-runs change nothing", async () => {
    const summary = await run({ useImportVideo: true })
    expect(summary).toMatchObject({ aborted: null, failed: [], usersCreated: 2, moodleInfoAppended: 2 })
    const teachers = await db.user.findMany({ where: { username: { in: [usernames.a, usernames.b, usernames.student, usernames.gone] } }, select: { id: true, username: true, role: true, firstName: true } })
    expect(teachers.map((user) => [user.username, user.role]).sort()).toEqual([
      [usernames.a, "TEACHER"],
      [usernames.b, "TEACHER"],
    ])
    expect(teachers.find((user) => user.username === usernames.b)?.firstName).toBe("Jean-Éric")
    const rows = await db.externalRecording.findMany({ where: mine(), select: { sourceUrl: true, ownerId: true } })
    const ownersOf = (recordID: string) => rows.filter((row) => row.sourceUrl.endsWith(recordID)).map((row) => row.ownerId).sort()
    expect(ownersOf(ids.withModerators)).toEqual(teachers.map((user) => user.id).sort())
    expect(ownersOf(ids.sameActivity)).toEqual(teachers.map((user) => user.id).sort())
    expect(ownersOf(ids.notProcessed)).toEqual([admin.id]) // status 1: not Moodle's recording yet
    expect(ownersOf(ids.roleOnly)).toEqual([admin.id]) // moderators by role only: nobody identified
    expect(ownersOf(ids.ignored)).toEqual([admin.id]) // IGNORED_SERVERS
    expect(ownersOf(ids.pod)).toEqual([admin.id]) // not from Moodle
    expect(await intro()).toBe(`<p>Intro</p>${INFO}`)
    expect(await intro(secondActivityId)).toBe(INFO)
    // the run closed its Moodle connection (the server may take a moment to drop the session)
    await expect.poll(() => moodle.otherConnections()).toBe(0)

    const again = await run({ useImportVideo: true })
    expect(again).toMatchObject({ created: 0, skippedDuplicates: 8, usersCreated: 0, moodleInfoAppended: 0, failed: [] })
    expect(await intro()).toBe(`<p>Intro</p>${INFO}`)
  })

  it("the CSV export lists every Moodle moderator in moodle_owners", async () => {
    const file = path.join(workdir, `${suffix}.csv`)
    const summary = await run({ useExportCsv: true, csvFile: file })
    expect(summary.csv).toEqual({ file, rows: 6, written: true })
    const csv = await readFile(file, "utf8")
    expect(csv.split("\n")[0]!.endsWith(";source_url;moodle_owners")).toBe(true)
    const line = csv.split("\n").find((row) => row.includes(ids.withModerators))!
    expect(line.endsWith(`;Zoë Ørsted (${usernames.a}), Jean-Éric O'Brien (${usernames.b})`)).toBe(true)
  })

  it("a read-only Moodle account: moderators are found, the intro is left alone and this is reported", async () => {
    await moodle.exec("UPDATE mdl_bigbluebuttonbn SET intro = ?", ["<p>Intro</p>"])
    const summary = await run({ useImportVideo: true }, { moodleDatabases: { default: moodle.readOnlyUrl } })
    expect(summary).toMatchObject({ aborted: null, failed: [], moodleInfoAppended: 0, moodleNoWriteAccess: 2, skippedDuplicates: 8 })
    expect(await intro()).toBe("<p>Intro</p>")
  })

  it("an unreachable Moodle database stops the run with a clear error that hides the password", async () => {
    const url = dialect === "postgresql" ? "postgresql://moodle:s3cret@127.0.0.1:1/moodle" : "mysql://moodle:s3cret@127.0.0.1:1/moodle"
    const summary = await run({ useImportVideo: true }, { moodleDatabases: { default: url } })
    expect(summary.aborted?.code).toBe("DATABASE_UNAVAILABLE")
    expect(summary.aborted?.message).toContain(`Moodle database "default" (${dialect}://127.0.0.1:1/moodle) is unreachable`)
    expect(summary.aborted?.message).not.toContain("s3cret")
    expect(summary.processed).toBeLessThan(summary.inRange)
  })
})
