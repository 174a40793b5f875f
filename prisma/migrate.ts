// Applies the SQL migrations of prisma/migrations in order, each in its own transaction, and records
// them in Prisma's `_prisma_migrations` table (same shape and checksum), so `prisma migrate deploy`
// stays usable wherever Prisma's schema engine can be installed. Idempotent: applied migrations are
// skipped, an edited applied migration is refused, concurrent runners wait on an advisory lock.
import { createHash, randomUUID } from "node:crypto"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import path from "node:path"

import pg from "pg"

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "migrations")
const LOCK_KEY = 72707369 // arbitrary, constant: "one migrator at a time"

export type MigrationResult = { applied: string[]; skipped: string[] }

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string; checksum: string }[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => /^\d{14}_[a-z0-9_]+$/.test(name) && existsSync(path.join(dir, name, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8")
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") }
    })
}

export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  const result: MigrationResult = { applied: [], skipped: [] }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY])
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`)
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    )
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]))
    for (const migration of listMigrations(dir)) {
      const previous = done.get(migration.name)
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was edited after it was applied (checksum differs). ` +
              "Write a new migration instead of changing an applied one.",
          )
        }
        result.skipped.push(migration.name)
        continue
      }
      await client.query("BEGIN")
      try {
        await client.query(migration.sql)
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        )
        await client.query("COMMIT")
      } catch (error) {
        await client.query("ROLLBACK")
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error })
      }
      result.applied.push(migration.name)
    }
    return result
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined)
    await client.end()
  }
}

/** Creates the database of the connection string when it does not exist (connects to "postgres"). */
export async function ensureDatabase(connectionString: string): Promise<boolean> {
  const url = new URL(connectionString)
  const name = decodeURIComponent(url.pathname.slice(1))
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsupported database name "${name}"`)
  url.pathname = "/postgres"
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (rowCount) return false
    await admin.query(`CREATE DATABASE "${name}"`)
    return true
  } finally {
    await admin.end()
  }
}

/** Drops and recreates a database: for test databases only. */
export async function recreateDatabase(connectionString: string): Promise<void> {
  const url = new URL(connectionString)
  const name = decodeURIComponent(url.pathname.slice(1))
  if (!/^[A-Za-z0-9_]+$/.test(name) || !/test|e2e|bench|scratch/.test(name)) {
    throw new Error(`Refusing to recreate "${name}": only test, e2e, bench or scratch databases`)
  }
  url.pathname = "/postgres"
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
}
