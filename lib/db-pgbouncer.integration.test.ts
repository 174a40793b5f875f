// PostgreSQL behind PgBouncer in transaction mode (docs/operations.md, "High availability"): a private
// pgbouncer (Debian's package, installed by npm run setup) on a free port, pool_mode = transaction with
// two server connections, in front of this file's own database. Everything the app's Prisma client does
// here goes through it: many concurrent queries share two server connections (node-postgres sends
// unnamed statements, so nothing needs pgbouncer=true or max_prepared_statements), interactive
// transactions keep their connection, and the lives' cap (a pg_advisory_xact_lock in requestLive)
// still holds under concurrent requests, its lock released at each commit.
import { spawn, type ChildProcess } from "node:child_process"
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import net from "node:net"
import { tmpdir } from "node:os"
import path from "node:path"

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

import { resetEnvCache } from "@/lib/config/env"
import { db } from "@/lib/db"
import { closeQueues, getQueue, QUEUES } from "@/lib/queues"
import { getProducerRedis } from "@/lib/redis"
import { seedAttendee, seedMeeting, seedUser } from "@/prisma/seed/factories"
import { freePort } from "@/tools/nginx/run-nginx"
import { dedicatedDatabaseUrl } from "@/vitest.test-env"

import { requestLive } from "./lives/request-live"

const PGBOUNCER = "/usr/sbin/pgbouncer"
const dir = mkdtempSync(path.join(tmpdir(), "bbb-pod-live-pgbouncer-"))
let pgbouncer: ChildProcess | null = null
let port: number

beforeAll(async () => {
  if (!existsSync(PGBOUNCER)) throw new Error(`${PGBOUNCER} is missing: npm run setup installs Debian's pgbouncer package`)
  port = await freePort()
  const target = new URL(dedicatedDatabaseUrl("pgbouncer"))
  chmodSync(dir, 0o777) // pgbouncer refuses to run as root: it drops to postgres, which writes its log here
  writeFileSync(path.join(dir, "userlist.txt"), `"${decodeURIComponent(target.username)}" ""\n`)
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${target.hostname} port=${target.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "default_pool_size = 2",
      "max_client_conn = 200",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      "",
    ].join("\n"),
  )
  const asUser = process.getuid?.() === 0 ? ["-u", "postgres"] : []
  pgbouncer = spawn(PGBOUNCER, [...asUser, path.join(dir, "pgbouncer.ini")], { stdio: "ignore" })
  await vi.waitFor(
    () =>
      new Promise<void>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1")
        socket.once("connect", () => (socket.destroy(), resolve()))
        socket.once("error", reject)
      }),
    { timeout: 10_000, interval: 100 },
  )
  // The app's one Prisma client (lib/db.ts) is created at its first use, from these settings.
  process.env.DATABASE_URL = Object.assign(new URL(target), { host: `127.0.0.1:${port}` }).toString()
  resetEnvCache()
})

afterAll(async () => {
  await db.$disconnect()
  await closeQueues()
  getProducerRedis().disconnect()
  if (pgbouncer && pgbouncer.exitCode === null) {
    const exited = new Promise((resolve) => pgbouncer!.once("exit", resolve))
    pgbouncer.kill("SIGKILL")
    await exited
  }
  rmSync(dir, { recursive: true, force: true })
})

const log = () => (existsSync(path.join(dir, "pgbouncer.log")) ? readFileSync(path.join(dir, "pgbouncer.log"), "utf8") : "")

describe("PostgreSQL through PgBouncer in transaction mode", () => {
  it("serves the Prisma client: concurrent queries on two server connections, interactive transactions", async () => {
    const [server] = await db.$queryRaw<{ port: number }[]>`SELECT inet_server_port() AS port`
    expect(server?.port).toBe(5432) // PostgreSQL answers, reached through pgbouncer (its log below)
    const user = await seedUser({ role: "TEACHER" })
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? db.user.count({ where: { id: user.id } }) : db.$queryRaw<{ n: number }[]>`SELECT ${i}::int AS n`.then((r) => (r[0]!.n === i ? 1 : 0)))))
    expect(counts).toEqual(Array(40).fill(1))
    const renamed = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { firstName: "Transaction" } })
      return tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { firstName: true } })
    })
    expect(renamed.firstName).toBe("Transaction")
    const database = new URL(dedicatedDatabaseUrl("pgbouncer")).pathname.slice(1)
    expect(log()).toContain(`${database}/`) // pgbouncer logged this file's connections (db/user)
    expect(log()).not.toMatch(/prepared statement .* does not exist|server conn crashed/)
  })

  it("keeps the lives' cap under concurrent requests (pg_advisory_xact_lock), and leaves no lock behind", async () => {
    process.env.BBB_NUMBER_MAX_LIVES = "2"
    resetEnvCache()
    try {
      const pairs = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const teacher = await seedUser({ role: "TEACHER" })
          const meeting = await seedMeeting()
          await seedAttendee({ meetingId: meeting.id, fullName: `${teacher.firstName} ${teacher.lastName}`, userId: teacher.id, matchStatus: "BY_NAME" })
          return { teacher, meeting }
        }),
      )
      const options = { isRestricted: false, showChat: false, downloadMeeting: false, enableChat: false, showRoomChat: false }
      const settled = await Promise.allSettled(pairs.map(({ teacher, meeting }) => requestLive({ meetingId: meeting.id, ...options }, teacher)))
      expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(2)
      for (const s of settled.filter((s) => s.status === "rejected")) expect((s as PromiseRejectedResult).reason).toMatchObject({ code: "LIVE_CAP_REACHED" })
      expect(await db.live.count({ where: { activeMeetingId: { not: null } } })).toBe(2)
      // Released at each commit: no server connection of the pool still holds an advisory lock.
      expect(await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`).toEqual([{ n: 0n }])
      await getQueue(QUEUES.lives).obliterate({ force: true })
    } finally {
      delete process.env.BBB_NUMBER_MAX_LIVES
      resetEnvCache()
    }
  })
})
