// Doctor: PostgreSQL answers at DATABASE_URL and every migration of this code is applied (and the
// database holds none this code does not know: an older code in front of a newer database).
import pg from "pg"

import type { Env } from "@/lib/config/env"
import { checkDatabase as pingDatabase } from "@/lib/health/check-services"
import { listMigrations } from "@/prisma/migrate"

import { fail, pass, reasonOf, type DoctorCheck } from "./doctor-check"

const CHECK = "PostgreSQL and migrations"

export async function checkDatabase(env: Pick<Env, "DATABASE_URL">): Promise<DoctorCheck> {
  const ping = await pingDatabase(env.DATABASE_URL)
  if (!ping.ok) return fail(CHECK, ping.message, "start PostgreSQL or correct DATABASE_URL (host, port, database, user); the database host must accept this host (pg_hba.conf)")
  const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 3_000 })
  try {
    await client.connect()
    const table = await client.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`)
    const applied = table.rows[0]?.exists
      ? new Set((await client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).rows.map((r) => r.name))
      : new Set<string>()
    const known = listMigrations().map((m) => m.name)
    const pending = known.filter((name) => !applied.has(name))
    const unknown = [...applied].filter((name) => !known.includes(name))
    if (pending.length) {
      return fail(CHECK, `reachable; ${pending.length} migration(s) not applied: ${pending.join(", ")}`, "run npm run db:migrate once (deploy/build.sh does it), before restarting the app instances")
    }
    if (unknown.length) {
      return fail(CHECK, `reachable; the database has migration(s) this code does not know: ${unknown.join(", ")}`, "this host runs an older version than the database: deploy the same version on every host (docs/operations.md, upgrade)")
    }
    return pass(CHECK, `reachable; ${known.length} migrations applied, none pending`)
  } catch (error) {
    return fail(CHECK, `reachable, but the migrations cannot be read: ${reasonOf(error)}`, "the DATABASE_URL user must be able to read the database's tables")
  } finally {
    await client.end().catch(() => undefined)
  }
}
