// Brute force against the real Redis counters (issue 14), with short windows set by the settings:
// one account is slowed then blocked while another still signs in; one address trying many
// accounts is slowed then blocked; blocks end after LOGIN_BLOCK_SECONDS; refused attempts are kept
// for the administrators.
import { randomBytes } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"

import { Redis } from "ioredis"
import { afterAll, describe, expect, it, vi } from "vitest"

const SETTINGS = vi.hoisted(() => {
  const settings = {
    LOGIN_ACCOUNT_MAX_FAILURES: "4",
    LOGIN_IP_MAX_FAILURES: "8",
    LOGIN_FAILURE_WINDOW_SECONDS: "600",
    LOGIN_BLOCK_SECONDS: "2",
    LOGIN_DELAY_BASE_MS: "10",
    LOGIN_DELAY_MAX_MS: "40",
  }
  Object.assign(process.env, settings)
  return settings
})

import { getEnv } from "@/lib/config/env"
import { redisKey } from "@/lib/redis-keys"
import { db } from "@/lib/db"
import { seedUser } from "@/prisma/seed/factories"

import { listSignInAttempts } from "./list-sign-in-attempts"
import { signInWithPassword } from "./sign-in-with-password"

afterAll(() => {
  for (const key of Object.keys(SETTINGS)) delete process.env[key]
})

/** A documentation address (2001:db8::/32) of its own for each scenario. */
function uniqueIp(): string {
  const [a, b, c] = randomBytes(6).toString("hex").match(/.{4}/g)!
  return `2001:db8:${a}:${b}::${c}`
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error as { code?: string; details?: { retryAfterSeconds?: number } }
  }
  throw new Error("the sign-in was not refused")
}

describe("sign-in throttling", () => {
  it("slows then blocks one account, lets another account sign in meanwhile, and lifts the block after its window", async () => {
    const victim = await seedUser()
    const other = await seedUser()
    const attacker = uniqueIp()

    const delays: number[] = []
    for (let i = 0; i < 4; i += 1) {
      const result = await signInWithPassword({ username: victim.username, password: `guess-${i}` }, { ip: attacker })
      expect(result.ok).toBe(false)
      if (!result.ok) delays.push(result.delayMs)
    }
    expect(delays).toEqual([0, 10, 20, 40])
    // Counted in Redis, where every app instance sees them.
    const redis = new Redis(getEnv().REDIS_URL)
    try {
      expect(await redis.get(`${redisKey("sign-in", "account")}:user:${victim.id}`)).toBe("4")
    } finally {
      redis.disconnect()
    }

    // Blocked: even the right password is not looked at, and whatever the case of the username.
    const blocked = await refusal(signInWithPassword({ username: victim.username.toUpperCase(), password: victim.password }, { ip: attacker }))
    expect(blocked.code).toBe("SIGN_IN_THROTTLED")
    expect(blocked.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    expect(blocked.details?.retryAfterSeconds).toBeLessThanOrEqual(2)
    // The account is blocked from anywhere, not only from the attacker's address.
    expect((await refusal(signInWithPassword({ username: victim.username, password: victim.password }, { ip: uniqueIp() }))).code).toBe(
      "SIGN_IN_THROTTLED",
    )

    // Another account signs in, from another address and from the attacker's one.
    expect(await signInWithPassword({ username: other.username, password: other.password }, { ip: uniqueIp() })).toMatchObject({ ok: true, user: { id: other.id } })
    expect(await signInWithPassword({ username: other.username, password: other.password }, { ip: attacker })).toMatchObject({ ok: true })

    // The block ends after LOGIN_BLOCK_SECONDS; a success then resets the account's counter.
    await sleep(2_500)
    expect(await signInWithPassword({ username: victim.username, password: victim.password }, { ip: uniqueIp() })).toMatchObject({ ok: true, user: { id: victim.id } })
    expect(await signInWithPassword({ username: victim.username, password: "wrong-again" }, { ip: uniqueIp() })).toEqual({ ok: false, delayMs: 0 })
  })

  it("counts failures against the account, not the login as typed: failures by username block the e-mail too, and back", async () => {
    for (const [failWith, thenWith] of [
      ["username", "email"],
      ["email", "username"],
    ] as const) {
      const victim = await seedUser()
      const attacker = uniqueIp()
      const login = (kind: "username" | "email") => (kind === "username" ? victim.username : victim.email.toUpperCase())
      for (let i = 0; i < 4; i += 1) expect((await signInWithPassword({ username: login(failWith), password: `guess-${i}` }, { ip: attacker })).ok).toBe(false)
      // The same account, typed the other way and from another address, with the right password: blocked.
      const blocked = await refusal(signInWithPassword({ username: login(thenWith), password: victim.password }, { ip: uniqueIp() }))
      expect(blocked.code).toBe("SIGN_IN_THROTTLED")
    }
  })

  it("slows then blocks one address (an IPv6 /64) trying many accounts, known or not, while the accounts still sign in from elsewhere", async () => {
    const subnet = uniqueIp()
    // A new address of the same /64 for each guess changes nothing.
    const attacker = (n: number) => subnet.replace(/::.*$/, `::${(n + 1).toString(16)}`)
    const target = await seedUser()
    const delays: number[] = []
    for (let i = 0; i < 8; i += 1) {
      const username = i % 2 === 0 ? `nobody-${randomBytes(6).toString("hex")}` : (await seedUser()).username
      const result = await signInWithPassword({ username, password: "Password123" }, { ip: attacker(i) })
      expect(result.ok).toBe(false)
      if (!result.ok) delays.push(result.delayMs)
    }
    // Address failures count in proportion to its allowance (8 for an account's 4): 2 failures = 1 step.
    expect(delays).toEqual([0, 0, 10, 10, 20, 20, 40, 40])

    const blocked = await refusal(signInWithPassword({ username: target.username, password: target.password }, { ip: attacker(100) }))
    expect(blocked.code).toBe("SIGN_IN_THROTTLED")
    expect(await signInWithPassword({ username: target.username, password: target.password }, { ip: uniqueIp() })).toMatchObject({ ok: true })

    await sleep(2_500)
    expect(await signInWithPassword({ username: target.username, password: target.password }, { ip: attacker(0) })).toMatchObject({ ok: true })
  })

  it("answers an unknown username exactly like a wrong password: same counting, same delays, same refusal", async () => {
    const known = await seedUser()
    const unknown = `ghost-${randomBytes(6).toString("hex")}`
    const run = async (username: string) => {
      const ip = uniqueIp()
      const results = []
      for (let i = 0; i < 4; i += 1) results.push(await signInWithPassword({ username, password: "not-the-password" }, { ip }))
      results.push(await refusal(signInWithPassword({ username, password: "not-the-password" }, { ip })).then((e) => e.code))
      return results
    }
    expect(await run(unknown)).toEqual(await run(known.username))
  })

  it("keeps failed and blocked attempts, with username and address, for administrators only", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const teacher = await seedUser({ role: "TEACHER" })
    const ip = uniqueIp()
    const username = `probe-${randomBytes(6).toString("hex")}`
    for (let i = 0; i < 4; i += 1) await signInWithPassword({ username, password: "x" }, { ip })
    await refusal(signInWithPassword({ username, password: "x" }, { ip }))

    const mine = (await listSignInAttempts(admin)).filter((a) => a.username === username)
    expect(mine.map((a) => a.outcome)).toEqual(["BLOCKED", "FAILED", "FAILED", "FAILED", "FAILED"])
    expect(mine.every((a) => a.ip === ip && a.at instanceof Date)).toBe(true)

    expect((await refusal(listSignInAttempts(teacher))).code).toBe("FORBIDDEN")
  })

  it("lists a right password for a deactivated account as « compte désactivé », while answering it like wrong credentials", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const user = await seedUser()
    await db.user.update({ where: { id: user.id }, data: { isActive: false } })
    const ip = uniqueIp()
    expect(await signInWithPassword({ username: user.username, password: user.password }, { ip })).toEqual({ ok: false, delayMs: 0 })
    expect(await signInWithPassword({ username: user.username, password: "wrong-password" }, { ip })).toMatchObject({ ok: false })
    const mine = (await listSignInAttempts(admin)).filter((a) => a.username === user.username)
    expect(mine.map((a) => a.outcome)).toEqual(["FAILED", "INACTIVE"])
  })

  it("refuses malformed input without counting it", async () => {
    const ip = uniqueIp()
    for (const input of [null, {}, { username: "", password: "" }, { username: "a".repeat(300), password: "x" }]) {
      expect(await signInWithPassword(input, { ip })).toEqual({ ok: false, delayMs: 0 })
    }
    const user = await seedUser()
    expect(await signInWithPassword({ username: user.username, password: user.password }, { ip })).toMatchObject({ ok: true })
  })
})
