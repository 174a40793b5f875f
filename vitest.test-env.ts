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
