// Settings every unit/integration test process runs with (real local PostgreSQL and Redis).
export const TEST_ENV = {
  NODE_ENV: "test",
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/bbb_pod_live_test",
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1",
  AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  BBB_SERVER_URL: "http://127.0.0.1:9/",
  BBB_SECRET_KEY: "test-bbb-secret",
  APP_URL: "http://localhost:3100",
} as const

/** Databases copied from the migrated test database for test files that need one of their own. */
export const DEDICATED_TEST_DATABASES = ["sync", "teacher", "cli"] as const
export type DedicatedTestDatabase = (typeof DEDICATED_TEST_DATABASES)[number]

export function dedicatedDatabaseUrl(name: DedicatedTestDatabase): string {
  const url = new URL(TEST_ENV.DATABASE_URL)
  url.pathname = `${url.pathname}_${name}`
  return url.toString()
}
