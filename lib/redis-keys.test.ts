// Every Redis key and channel is named by lib/redis-keys.ts: a `bbb-pod-live:` literal anywhere else
// would be a key outside the installation's namespace (issue 20: frames crossing installations).
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"

import { defaultRedisPrefix, parseEnv } from "@/lib/config/env"

import { namespacedKey, queuePrefix, redisNamespace } from "./redis-keys"

const ROOT = path.resolve(import.meta.dirname, "..")
const SCANNED = ["app", "bench", "components", "e2e", "lib", "prisma", "scripts", "tools", "workers"]
const SKIPPED = new Set(["node_modules", "generated", ".next"])
/** A quote, then `bbb-pod-live:` followed by something other than a space (log lines say "bbb-pod-live: ok"). */
const LITERAL_KEY = /["'`]bbb-pod-live:[^\s"'`]/

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sources(full)
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [full] : []
  })
}

describe("Redis names", () => {
  it("are written only by lib/redis-keys.ts", () => {
    const files = [...SCANNED.flatMap((d) => sources(path.join(ROOT, d))), path.join(ROOT, "server.ts")]
    expect(files.length).toBeGreaterThan(100)
    const offenders = files
      .filter((f) => !f.endsWith(path.join("lib", "redis-keys.ts")) && !f.endsWith(path.join("lib", "redis-keys.test.ts")))
      .flatMap((f) => readFileSync(f, "utf8").split("\n").flatMap((line, i) => (LITERAL_KEY.test(line) ? [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])))
    expect(offenders).toEqual([])
  })

  it("the check itself catches a literal key or channel", () => {
    expect(LITERAL_KEY.test("const k = `bbb-pod-live:viewers:${id}`")).toBe(true)
    expect(LITERAL_KEY.test('redis.publish("bbb-pod-live:live:6", frame)')).toBe(true)
    expect(LITERAL_KEY.test('console.error("bbb-pod-live: ok")')).toBe(false)
  })

  it("the namespace defaults to the database's name, so two installations on one Redis are apart", () => {
    expect(defaultRedisPrefix("postgresql://u:p@db.example.org:5432/bbb_pod_live")).toBe("bbb-pod-live.bbb_pod_live")
    expect(defaultRedisPrefix("postgresql://u@127.0.0.1/pod%20live?schema=x")).toBe("bbb-pod-live.pod_live")
    const base = { AUTH_SECRET: "x".repeat(32), BBB_SERVER_URL: "https://bbb.example.org/", BBB_SECRET_KEY: "s" }
    const a = parseEnv({ ...base, DATABASE_URL: "postgresql://x/pod_a" })
    const b = parseEnv({ ...base, DATABASE_URL: "postgresql://x/pod_b" })
    expect(redisNamespace(a)).not.toBe(redisNamespace(b))
    expect(queuePrefix(a)).toBe("bbb-pod-live.pod_a:bull")
  })

  it("REDIS_PREFIX wins, refuses glob characters, and a deprecated QUEUE_PREFIX still names the queues", () => {
    const base = { AUTH_SECRET: "x".repeat(32), BBB_SERVER_URL: "https://bbb.example.org/", BBB_SECRET_KEY: "s", DATABASE_URL: "postgresql://x/pod" }
    expect(redisNamespace(parseEnv({ ...base, REDIS_PREFIX: "pod-prod" }))).toBe("pod-prod")
    for (const bad of ["pod*", "pod?", "pod[1]", "pod live", "pod:x"]) {
      expect(() => parseEnv({ ...base, REDIS_PREFIX: bad }), bad).toThrow(/REDIS_PREFIX/)
    }
    expect(queuePrefix(parseEnv({ ...base, REDIS_PREFIX: "pod-prod", QUEUE_PREFIX: "bull" }))).toBe("bull")
    expect(namespacedKey("pod-prod", "viewers", 6)).toBe("pod-prod:viewers:6")
  })
})
