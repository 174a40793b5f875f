// Settings every unit/integration test process runs with (real local PostgreSQL and Redis).
//
// TEST_INSTANCE=N (0 by default, up to 6) lets several checkouts run their suites on one machine at
// once: instance N uses databases suffixed `_iN`, two Redis databases of its own (vitest, browser
// tests; database 3 belongs to the benches), and the ports of testPorts(N).
const instance = Number(process.env.TEST_INSTANCE ?? 0)
const REDIS_DATABASES = [[1, 2], [5, 6], [9, 10], [13, 14], [4, 7], [8, 11], [12, 15]] as const
if (!Number.isInteger(instance) || instance < 0 || instance >= REDIS_DATABASES.length) throw new Error("TEST_INSTANCE must be 0 to 6")

/** Number of TEST_INSTANCE values (0 to TEST_INSTANCE_COUNT - 1). */
export const TEST_INSTANCE_COUNT = REDIS_DATABASES.length

/**
 * Every fixed port the tests listen on (the browser tests' app and the services scripts/e2e-server.sh
 * starts); the vitest files themselves only take ports the system hands out (listen(0), freePort()).
 * Block n is 21000 + 20×n … + 19 (instance N's stacks: blocks N and N + TEST_INSTANCE_COUNT): far from the defaults of .env.example and of
 * `npm run demo` (3000, 8090, 19350, 18080, 6379 + slots, the front's 8080) and below the kernel's
 * ephemeral range, so a running demo never holds one of them (test-ports.test.ts checks it).
 */
export function testPorts(n: number) {
  const block = 21_000 + 20 * n
  return {
    /** The app under browser test. */
    app: block,
    bbbSimulator: block + 1,
    rtmp: block + 2,
    hls: block + 3,
    /** Two stand-in sites that frame the app's pages (e2e/security.spec.ts); the first is the LMS. */
    embedderLms: block + 4,
    embedderOther: block + 5,
    /** The nginx front (e2e/front.spec.ts). */
    front: block + 6,
    /** The OpenID Provider (oidc-provider) the SSO browser tests sign in through (e2e/sso.spec.ts). */
    oidcProvider: block + 7,
    /** STREAMER_REDIS_PORT_BASE: slot K's chat redis listens on this + K (slots 1 to 10 stay in the block). */
    chatRedisBase: block + 9,
  }
}

/**
 * npm test runs the browser tests as two stacks at once (scripts/test.sh), each with its own app,
 * simulator, nginx, workers, agent and database: E2E_STACK=1 is the second one. It takes the port block
 * of instance N + TEST_INSTANCE_COUNT (21140 and up) and its database ends in `_s1`; it shares the
 * instance's Redis database, where its namespace (REDIS_PREFIX, with its app port) keeps it apart.
 */
const stack = Number(process.env.E2E_STACK ?? 0)
if (stack !== 0 && stack !== 1) throw new Error("E2E_STACK must be 0 or 1")
export const E2E_STACK_COUNT = 2

export const TEST_INSTANCE = {
  number: instance,
  /** The browser-test stack of this process (0 or 1). */
  stack,
  databaseSuffix: instance ? `_i${instance}` : "",
  redisDatabase: (offset: 1 | 2) => REDIS_DATABASES[instance]![offset - 1]!,
  /** The fixed ports of the browser tests' stack (the vitest files listen on ports the system hands out). */
  ports: testPorts(instance + TEST_INSTANCE_COUNT * stack),
}

export const TEST_ENV = {
  NODE_ENV: "test",
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/bbb_pod_live_test${TEST_INSTANCE.databaseSuffix}`,
  REDIS_URL: process.env.TEST_REDIS_URL ?? `redis://127.0.0.1:6379/${TEST_INSTANCE.redisDatabase(1)}`,
  /** Pub/sub ignores the database index: the namespace is what keeps instances apart (vitest.setup.ts adds one per file). */
  REDIS_PREFIX: `bbb-pod-live-test-i${instance}`,
  /** Set and empty (= unset): a developer's .env with the deprecated QUEUE_PREFIX must not reach child processes. */
  QUEUE_PREFIX: "",
  AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  BBB_SERVER_URL: "http://127.0.0.1:9/",
  BBB_SECRET_KEY: "test-bbb-secret",
  APP_URL: "http://localhost:3100",
} as const

/** Databases copied from the migrated test database for test files that need one of their own. */
export const DEDICATED_TEST_DATABASES = ["sync", "teacher", "cli", "lives", "agent", "streamers", "selfheal", "release", "eligibility", "doctor", "pgbouncer"] as const
export type DedicatedTestDatabase = (typeof DEDICATED_TEST_DATABASES)[number]

export function dedicatedDatabaseUrl(name: DedicatedTestDatabase): string {
  const url = new URL(TEST_ENV.DATABASE_URL)
  url.pathname = `${url.pathname}_${name}`
  return url.toString()
}
