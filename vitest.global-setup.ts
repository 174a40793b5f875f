// Runs once before the test files: a fresh, migrated PostgreSQL test database, copies of it for the
// test files that need a database of their own (the meeting sync ends every meeting it is not told
// about, so its tests cannot share meetings with others), and a Redis ping.
import { Redis } from "ioredis"
import pg from "pg"

import { applyMigrations, recreateDatabase } from "./prisma/migrate"
import { DEDICATED_TEST_DATABASES, dedicatedDatabaseUrl, TEST_ENV } from "./vitest.test-env"

export default async function setup(): Promise<void> {
  try {
    await recreateDatabase(TEST_ENV.DATABASE_URL)
  } catch (error) {
    throw new Error(`PostgreSQL is needed by the tests and does not answer at ${new URL(TEST_ENV.DATABASE_URL).host}: ${(error as Error).message}`)
  }
  await applyMigrations(TEST_ENV.DATABASE_URL)
  const template = new URL(TEST_ENV.DATABASE_URL).pathname.slice(1)
  const admin = new pg.Client({ connectionString: Object.assign(new URL(TEST_ENV.DATABASE_URL), { pathname: "/postgres" }).toString() })
  await admin.connect()
  try {
    for (const name of DEDICATED_TEST_DATABASES) {
      const db = new URL(dedicatedDatabaseUrl(name)).pathname.slice(1)
      await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`)
      await admin.query(`CREATE DATABASE "${db}" TEMPLATE "${template}"`)
    }
  } finally {
    await admin.end()
  }
  const redis = new Redis(TEST_ENV.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 })
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    throw new Error(`Redis is needed by the tests and does not answer at ${TEST_ENV.REDIS_URL}: ${(error as Error).message}`)
  } finally {
    redis.disconnect()
  }
}
