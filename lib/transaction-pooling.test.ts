// PgBouncer in transaction mode (docs/operations.md, "High availability") hands each transaction to
// any server connection: what a session keeps (a session-level advisory lock, LISTEN, SET) would
// stay on a server connection another client then gets. The app's code takes only transaction-level
// advisory locks, inside a Prisma transaction, and keeps no session state. The one session lock,
// the migrator's (prisma/migrate.ts), is why migrations run on a direct connection.
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"

const root = path.resolve(__dirname, "..")

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((file) => !file.startsWith("lib/generated/"))
}

const appCode = () => ["lib", "app", "workers", "server"].flatMap(sources).map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }))

describe("code that runs through a transaction-mode pooler", () => {
  it("takes only transaction-level advisory locks (pg_advisory_xact_lock, pg_try_advisory_xact_lock)", () => {
    const locks = appCode().flatMap(({ file, text }) => [...text.matchAll(/pg_(?:try_)?advisory_\w+/g)].map((m) => ({ file, call: m[0] })))
    expect(locks.length).toBeGreaterThan(0)
    expect(locks.filter((l) => !/^pg_(try_)?advisory_xact_lock(_shared)?$/.test(l.call))).toEqual([])
  })

  it("keeps no session state (LISTEN, session SET, prepared statements by name)", () => {
    const found = appCode().flatMap(({ file, text }) =>
      // SQL statements (upper case) opening a string: `LISTEN x`, "SET search_path …", 'PREPARE q …'.
      [...text.matchAll(/[`"']\s*(LISTEN\s+\w|SET\s+(SESSION\s+)?\w|PREPARE\s+\w)/g)].map((m) => ({ file, sql: m[0] })),
    )
    expect(found).toEqual([])
  })

  it("the migrator's session lock is the exception the guide names", () => {
    expect(readFileSync(path.join(root, "prisma/migrate.ts"), "utf8")).toContain("pg_advisory_lock(")
    expect(readFileSync(path.join(root, "docs/operations.md"), "utf8")).toMatch(/prisma\/migrate\.ts[^\n]*pg_advisory_lock|pg_advisory_lock[^\n]*prisma\/migrate\.ts/)
  })
})
