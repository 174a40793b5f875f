// Redis down or stalled during sign-in: the in-process limiter takes over, so sign-in neither runs
// without limit nor locks everyone out. Two outages: nothing listening (refused at once), and a
// private Redis that stops answering mid-way (CLIENT PAUSE: the 500 ms timeout hands over).
import { spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"

import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

const SETTINGS = await vi.hoisted(async () => {
  const { execFileSync } = await import("node:child_process")
  const settings = {
    LOGIN_ACCOUNT_MAX_FAILURES: "3",
    LOGIN_IP_MAX_FAILURES: "100",
    LOGIN_FAILURE_WINDOW_SECONDS: "600",
    LOGIN_BLOCK_SECONDS: "60",
    LOGIN_DELAY_BASE_MS: "10",
    LOGIN_DELAY_MAX_MS: "20",
  }
  // A free port for a private Redis (the shared one is never paused or stopped).
  const port = execFileSync(process.execPath, ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"])
    .toString()
    .trim()
  Object.assign(process.env, settings, { REDIS_URL: `redis://127.0.0.1:${port}` })
  return { settings, port: Number(port) }
})

import { redisKey } from "@/lib/redis-keys"
import { seedUser } from "@/prisma/seed/factories"

import { listSignInAttempts } from "./list-sign-in-attempts"
import { signInWithPassword } from "./sign-in-with-password"

let server: ChildProcess | undefined
let control: Redis | undefined

beforeAll(async () => {
  server = spawn("redis-server", ["--port", String(SETTINGS.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" })
  control = new Redis(SETTINGS.port, "127.0.0.1", { maxRetriesPerRequest: null })
  control.on("error", () => undefined) // the second test stops the server on purpose
  await control.ping()
})

afterAll(() => {
  control?.disconnect()
  server?.kill("SIGKILL")
  for (const key of Object.keys(SETTINGS.settings)) delete process.env[key]
})

const ip = () => {
  const [a, b, c] = randomBytes(6).toString("hex").match(/.{4}/g)!
  return `2001:db8:${a}:${b}::${c}`
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (error) {
    return (error as { code?: string }).code
  }
}

async function bruteForce(username: string, from: string) {
  const results = []
  for (let i = 0; i < 3; i += 1) results.push((await signInWithPassword({ username, password: `guess-${i}` }, { ip: from })).ok)
  return results
}

describe("sign-in throttling without Redis", () => {
  it("counts in Redis while it answers, then in memory when it stalls: still blocks, still lets others in", async () => {
    const early = await seedUser()
    await signInWithPassword({ username: early.username, password: "wrong" }, { ip: ip() })
    expect(await control!.get(`${redisKey("sign-in", "account")}:user:${early.id}`)).toBe("1")

    // WRITE: the limiter's scripts and the attempts list stall; this control connection can still unpause.
    await control!.call("CLIENT", "PAUSE", "60000", "WRITE")
    const victim = await seedUser()
    const other = await seedUser()
    expect(await bruteForce(victim.username, ip())).toEqual([false, false, false])
    expect(await codeOf(signInWithPassword({ username: victim.username, password: victim.password }, { ip: ip() }))).toBe("SIGN_IN_THROTTLED")
    expect(await signInWithPassword({ username: other.username, password: other.password }, { ip: ip() })).toMatchObject({ ok: true, user: { id: other.id } })
    await control!.call("CLIENT", "UNPAUSE")
  })

  it("still limits and still signs people in when nothing listens any more", async () => {
    server!.kill("SIGKILL")
    await new Promise((resolve) => server!.once("exit", resolve))
    const victim = await seedUser()
    const other = await seedUser()
    expect(await bruteForce(victim.username, ip())).toEqual([false, false, false])
    expect(await codeOf(signInWithPassword({ username: victim.username, password: victim.password }, { ip: ip() }))).toBe("SIGN_IN_THROTTLED")
    expect(await signInWithPassword({ username: other.username, password: other.password }, { ip: ip() })).toMatchObject({ ok: true })
    // The administrators' list needs Redis: it says so rather than showing an empty list.
    const admin = await seedUser({ role: "ADMIN" })
    expect(await codeOf(listSignInAttempts(admin))).toBe("QUEUE_UNAVAILABLE")
  })
})
