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
/**
 * A Redis command given a written-out key or channel (outside any namespace) instead of a name from
 * lib/redis-keys.ts: a quoted first argument that does not start with an interpolation.
 */
const LITERAL_COMMAND =
  /\.(?:publish|subscribe|psubscribe|unsubscribe|lrange|lpush|rpush|ltrim|sadd|srem|smembers|hset|hget|hgetall|hincrby|hdel|zadd|zrem|zcard|zrange|mget|incr|incrby|decr|expire|pexpire|ttl|pttl|setex|psetex|getdel|exists)\(\s*["'`](?!\$\{)|\b(?:redis|pipeline|subscriber|publisher)\w*\??\.(?:get|set|del|scan)\(\s*["'`](?!\$\{)/i
/** Where a literal channel is the contract: the streamer slots' chat channels on each slot's own redis (BBB-liveStreaming). */
const SLOT_CHAT_CHANNEL_FILES = new Set(["bench/chat-fanout.ts"])
/** The parts of a name: lower-case words joined by hyphens (`meetings-sync`, `last-success`), a trailing `*` in a pattern. */
const NAME_PART = /^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*\*?|\*)$/
const NAMING_CALL = /\b(?:redisKey|redisChannel|namespacedKey|namespacedChannel)\(([^()]*)\)/g

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

  it("are never written out in a Redis command (outside the slots' chat channels)", () => {
    const offenders = [...SCANNED.flatMap((d) => sources(path.join(ROOT, d))), path.join(ROOT, "server.ts")]
      .filter((f) => !f.endsWith(path.join("lib", "redis-keys.test.ts")) && !SLOT_CHAT_CHANNEL_FILES.has(path.relative(ROOT, f)))
      .flatMap((f) => readFileSync(f, "utf8").split("\n").flatMap((line, i) => (LITERAL_COMMAND.test(line) ? [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])))
    expect(offenders).toEqual([])
  })

  it("follow one convention: <namespace>[:channel]:<area>:<what>…, each written part lower-case kebab", () => {
    const files = [...SCANNED.flatMap((d) => sources(path.join(ROOT, d))), path.join(ROOT, "server.ts")].filter((f) => !f.endsWith(path.join("lib", "redis-keys.test.ts")))
    const parts = files.flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(NAMING_CALL)].flatMap((call) => [...call[1]!.matchAll(/"([^"]*)"/g)].map((literal) => ({ at: path.relative(ROOT, f), part: literal[1]! }))),
    )
    expect(parts.length).toBeGreaterThan(15)
    expect(parts.filter(({ part }) => !NAME_PART.test(part))).toEqual([])
  })

  it("the check itself catches a literal key or channel", () => {
    expect(LITERAL_KEY.test("const k = `bbb-pod-live:viewers:${id}`")).toBe(true)
    expect(LITERAL_KEY.test('redis.publish("bbb-pod-live:live:6", frame)')).toBe(true)
    expect(LITERAL_KEY.test('console.error("bbb-pod-live: ok")')).toBe(false)
    expect(LITERAL_COMMAND.test('await redis.publish("live:6", frame)')).toBe(true)
    expect(LITERAL_COMMAND.test("await getProducerRedis().incr('viewers')")).toBe(true)
    expect(LITERAL_COMMAND.test('await redis.set("sign-in:attempts", "1")')).toBe(true)
    expect(LITERAL_COMMAND.test("await redis.publish(liveChannel(6), frame)")).toBe(false)
    expect(LITERAL_COMMAND.test("await redis.get(`${redisKey(\"sign-in\", \"account\")}:user:1`)")).toBe(false)
    expect(LITERAL_COMMAND.test('request.headers.get("cookie")')).toBe(false)
    expect(NAME_PART.test("meetings-sync")).toBe(true)
    expect(NAME_PART.test("user*")).toBe(true)
    expect(NAME_PART.test("lastSuccess")).toBe(false)
    expect(NAME_PART.test("last_success")).toBe(false)
    expect(NAME_PART.test("sign-in:ip")).toBe(false)
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
