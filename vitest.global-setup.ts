// Runs once before the test files: a fresh, migrated PostgreSQL test database, and a Redis ping.
import { Redis } from "ioredis"

import { applyMigrations, recreateDatabase } from "./prisma/migrate"
import { TEST_ENV } from "./vitest.test-env"

export default async function setup(): Promise<void> {
  try {
    await recreateDatabase(TEST_ENV.DATABASE_URL)
  } catch (error) {
    throw new Error(`PostgreSQL is needed by the tests and does not answer at ${new URL(TEST_ENV.DATABASE_URL).host}: ${(error as Error).message}`)
  }
  await applyMigrations(TEST_ENV.DATABASE_URL)
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
