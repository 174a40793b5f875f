// connectRedis (lib/redis.ts): REDIS_URL alone, or the sentinels of REDIS_SENTINELS with REDIS_URL's
// credentials, database and TLS. Nothing connects here (lazyConnect); the failover itself is shown by
// redis-sentinel.integration.test.ts.
import { describe, expect, it } from "vitest"

import { parseEnv } from "@/lib/config/env"

import { connectRedis, describeRedisTarget } from "./redis"

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x", AUTH_SECRET: "x".repeat(32), BBB_SERVER_URL: "https://bbb.example.org/", BBB_SECRET_KEY: "s" }

describe("connectRedis", () => {
  it("connects to REDIS_URL when no sentinel is set", () => {
    const env = parseEnv({ ...base, REDIS_URL: "redis://:pw@redis.example.org:6380/3" })
    const redis = connectRedis(env, { lazyConnect: true })
    expect(redis.options).toMatchObject({ host: "redis.example.org", port: 6380, password: "pw", db: 3 })
    expect(redis.options.sentinels).toBeFalsy()
    expect(describeRedisTarget(env)).toBe("redis.example.org:6380")
    redis.disconnect()
  })

  it("asks the sentinels for the primary, with REDIS_URL's password, database and TLS", () => {
    const env = parseEnv({
      ...base,
      REDIS_URL: "rediss://app:s%40cret@ignored.example.org:6379/2",
      REDIS_SENTINELS: "Sentinel1.example.org:26380, [fd00::5], 10.0.0.7",
      REDIS_SENTINEL_NAME: "pod-live",
      REDIS_SENTINEL_PASSWORD: "sentinel-pw",
    })
    const redis = connectRedis(env, { lazyConnect: true })
    expect(redis.options).toMatchObject({
      sentinels: [
        { host: "sentinel1.example.org", port: 26380 },
        { host: "fd00::5", port: 26379 },
        { host: "10.0.0.7", port: 26379 },
      ],
      name: "pod-live",
      sentinelPassword: "sentinel-pw",
      username: "app",
      password: "s@cret",
      db: 2,
      failoverDetector: true,
      enableTLSForSentinelMode: true,
    })
    expect(describeRedisTarget(env)).toBe('the primary "pod-live" of Sentinel sentinel1.example.org:26380, [fd00::5], 10.0.0.7')
    redis.disconnect()
  })

  it("refuses a sentinel that is not host[:port]", () => {
    expect(() => parseEnv({ ...base, REDIS_SENTINELS: "http://sentinel:26379" })).toThrow(/REDIS_SENTINELS/)
  })
})
