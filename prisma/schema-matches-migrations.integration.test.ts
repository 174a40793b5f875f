// The migrated database must be exactly what schema.prisma describes: we apply our SQL migrations to
// one scratch database, Prisma's own SQL for schema.prisma (from an empty database) to another, and
// compare their catalogs. The only allowed differences are the hand-written objects schema.prisma
// cannot express, listed here: a CHECK constraint, partial indexes and unique indexes on lower(...).
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

import pg from "pg"
import { afterAll, describe, expect, it } from "vitest"

import { diffSchemas, readSchema } from "@/scripts/prisma6/run"

import { applyMigrations, recreateDatabase } from "./migrate"

const base = new URL(process.env.DATABASE_URL!)
const urlFor = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString()
const baseName = base.pathname.slice(1)
const migratedUrl = urlFor(`${baseName}_scratch_migrated`)
const expectedUrl = urlFor(`${baseName}_scratch_expected`)

const HAND_WRITTEN_CHECKS = ["lives_active_meeting_consistent"]
const HAND_WRITTEN_INDEXES = [
  "attendees_moderator_ext_user_id_idx",
  "attendees_moderator_match_status_idx",
  "attendees_moderator_normalized_name_idx",
  "attendees_user_id_idx",
]
/** Case-insensitive uniqueness (migration 20261203160000_case_insensitive_names). */
const HAND_WRITTEN_LOWER_INDEXES = ["buildings_name_lower_key", "users_email_lower_key", "users_username_lower_key"]

const CATALOG_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS def
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'c'
                AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY 1, 3`,
}

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const out: Record<string, unknown[]> = {}
    for (const [key, sql] of Object.entries(CATALOG_QUERIES)) out[key] = (await client.query(sql)).rows
    const checks = await client.query(
      `SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype = 'c' ORDER BY 1`,
    )
    return { catalog: out, checks: checks.rows.map((r) => r.conname as string) }
  } finally {
    await client.end()
  }
}

describe("SQL migrations", () => {
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: urlFor("postgres") })
    await admin.connect()
    for (const url of [migratedUrl, expectedUrl]) {
      await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`)
    }
    await admin.end()
  })

  it("produce the database schema.prisma describes", async () => {
    await recreateDatabase(migratedUrl)
    await recreateDatabase(expectedUrl)
    const result = await applyMigrations(migratedUrl)
    expect(result.applied.length).toBeGreaterThan(0)

    const expectedSql = diffSchemas(null, readSchema())
    const client = new pg.Client({ connectionString: expectedUrl })
    await client.connect()
    await client.query(expectedSql)
    await client.end()

    const migrated = await catalog(migratedUrl)
    const expected = await catalog(expectedUrl)
    const indexes = migrated.catalog.indexes as { indexname: string; indexdef: string }[]
    const handWritten = indexes.filter((i) => HAND_WRITTEN_INDEXES.includes(i.indexname))
    expect(handWritten.map((i) => i.indexname).sort()).toEqual(HAND_WRITTEN_INDEXES)
    for (const index of handWritten) expect(index.indexdef).toContain(" WHERE ")
    const lowerIndexes = indexes.filter((i) => HAND_WRITTEN_LOWER_INDEXES.includes(i.indexname))
    expect(lowerIndexes.map((i) => i.indexname).sort()).toEqual(HAND_WRITTEN_LOWER_INDEXES)
    for (const index of lowerIndexes) expect(index.indexdef).toMatch(/CREATE UNIQUE INDEX .* \(lower\(/)
    migrated.catalog.indexes = indexes.filter((i) => !HAND_WRITTEN_INDEXES.includes(i.indexname) && !HAND_WRITTEN_LOWER_INDEXES.includes(i.indexname))
    expect(migrated.catalog).toEqual(expected.catalog)
    expect(expected.checks).toEqual([])
    expect(migrated.checks).toEqual(HAND_WRITTEN_CHECKS)
  }, 120_000)

  it("keep, in the newest folder, the schema the next `npm run db:migration` diffs from", () => {
    // Branches that each add a migration merge into a newest folder whose snapshot misses the others'
    // changes: the next authored migration would then repeat them. The snapshot must be schema.prisma.
    const dir = path.join(import.meta.dirname, "migrations")
    const newest = readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort().at(-1)!
    const snapshot = path.join(dir, newest, "schema.prisma")
    expect(readFileSync(snapshot, "utf8"), `${newest}/schema.prisma must equal prisma/schema.prisma`).toBe(readSchema())
  })

  it("are idempotent: a second run applies nothing", async () => {
    const again = await applyMigrations(migratedUrl)
    expect(again.applied).toEqual([])
    expect(again.skipped.length).toBeGreaterThan(0)
  })
})
