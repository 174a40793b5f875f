// Migration 20261203160000_case_insensitive_names makes usernames, e-mails and building names unique
// whatever their case. On a database where some already differ only by case, it must stop and name
// them (which account to keep is a human decision), change nothing, and pass once they are renamed.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

import pg from "pg"
import { afterAll, describe, expect, it } from "vitest"

import { applyMigrations, recreateDatabase } from "./migrate"

const MIGRATION = "20261203160000_case_insensitive_names"
const base = new URL(process.env.DATABASE_URL!)
const url = Object.assign(new URL(base), { pathname: `${base.pathname}_scratch_case` }).toString()
const before = mkdtempSync(path.join(tmpdir(), "migrations-"))

describe(`migration ${MIGRATION}`, () => {
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true })
    const admin = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: "/postgres" }).toString() })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`)
    await admin.end()
  })

  it("names the rows that differ only by case, changes nothing, then applies once they are renamed", async () => {
    const dir = path.resolve(import.meta.dirname, "migrations")
    for (const name of readdirSync(dir).filter((n) => n < MIGRATION)) cpSync(path.join(dir, name), path.join(before, name), { recursive: true })
    await recreateDatabase(url)
    await applyMigrations(url, before)

    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const user = (username: string, email: string) =>
        client.query(
          `INSERT INTO users (email, username, first_name, last_name, name_key_first_last, name_key_last_first, updated_at) VALUES ($1, $2, 'A', 'B', 'a b', 'b a', now())`,
          [email, username],
        )
      await user("ADMIN", "one@example.test")
      await user("admin", "two@example.test")
      await user("carla", "Carla@Example.test")
      await user("carla2", "carla@example.test")
      await client.query(`INSERT INTO buildings (name) VALUES ('Campus'), ('campus'), ('Annexe')`)

      const error = await applyMigrations(url, dir).then(
        () => null,
        (e: Error) => e,
      )
      expect(error?.message).toContain("differ only by case")
      expect(error?.message).toContain("username « ADMIN / admin »")
      expect(error?.message).toContain("e-mail « Carla@Example.test / carla@example.test »")
      expect(error?.message).toContain("building « Campus / campus »")
      expect(error?.message).not.toContain("Annexe")
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname LIKE '%_lower_key'`)
      expect(rows[0].n).toBe(0)

      await client.query(`UPDATE users SET username = 'admin-old' WHERE username = 'admin'`)
      await client.query(`UPDATE users SET email = 'carla.old@example.test' WHERE username = 'carla2'`)
      await client.query(`UPDATE buildings SET name = 'Campus (ancien)' WHERE name = 'campus'`)
      // It applies now (and the migrations that came after it).
      expect((await applyMigrations(url, dir)).applied[0]).toBe(MIGRATION)
      await expect(user("Admin", "three@example.test")).rejects.toThrow(/users_username_lower_key/)
    } finally {
      await client.end()
    }
  }, 120_000)
})
