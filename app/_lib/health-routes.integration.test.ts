// Issue 28 item 5: /api/health and /api/health/ready tell anyone only up/down and ready/not; the
// detail (hosts, ports, queue sizes, BBB's error text) goes to admins, the metrics token and the
// addresses of HEALTH_DETAIL_ALLOW. The real route handlers, real PostgreSQL and Redis.
import { encode } from "next-auth/jwt"
import { afterAll, afterEach, describe, expect, it } from "vitest"

import { GET as getHealth } from "@/app/api/health/route"
import { GET as getReady } from "@/app/api/health/ready/route"
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip"
import { getEnv, resetEnvCache } from "@/lib/config/env"
import { closeQueues } from "@/lib/queues"
import { getProducerRedis } from "@/lib/redis"
import { seedUser } from "@/prisma/seed/factories"

const TOKEN = "health-test-token-0123456789"

afterEach(() => {
  delete process.env.METRICS_TOKEN
  delete process.env.HEALTH_DETAIL_ALLOW
  resetEnvCache()
})

afterAll(async () => {
  await closeQueues()
  getProducerRedis().disconnect()
})

const request = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost:3100${path}`, { headers })

async function sessionCookie(role: "ADMIN" | "STUDENT"): Promise<string> {
  const user = await seedUser({ role })
  return `next-auth.session-token=${await encode({ token: { uid: user.id, sv: 0 }, secret: getEnv().AUTH_SECRET })}`
}

/** Whatever names a host or port of ours, or a queue. */
function leaks(text: string): boolean {
  return /127\.0\.0\.1|localhost|:6379|:5432|queues|meetings-sync/.test(text)
}

describe("health endpoints", () => {
  it("answer an anonymous caller with booleans only", async () => {
    const health = await getHealth(request("/api/health"))
    expect(health.status).toBe(200)
    const healthText = await health.text()
    expect(JSON.parse(healthText)).toEqual({ up: true })
    expect(leaks(healthText)).toBe(false)

    const ready = await getReady(request("/api/health/ready"))
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ ready: true })
  })

  it("give the detail to the metrics token, not to a wrong one", async () => {
    process.env.METRICS_TOKEN = TOKEN
    resetEnvCache()
    expect(await (await getHealth(request("/api/health", { authorization: "Bearer wrong-token-wrong-token" }))).json()).toEqual({ up: true })
    const full = (await (await getHealth(request("/api/health", { authorization: `Bearer ${TOKEN}` }))).json()) as Record<string, unknown>
    expect(full).toMatchObject({ ready: true, postgresql: { ok: true }, redis: { ok: true }, queues: { "meetings-sync": expect.any(Object) } })
    expect(await (await getReady(request("/api/health/ready", { authorization: `Bearer ${TOKEN}` }))).json()).toMatchObject({
      ready: true,
      postgresql: { ok: true },
      redis: { ok: true },
    })
  })

  it("give the detail to a signed-in admin, not to a student", async () => {
    expect(await (await getHealth(request("/api/health", { cookie: await sessionCookie("STUDENT") }))).json()).toEqual({ up: true })
    expect(await (await getHealth(request("/api/health", { cookie: await sessionCookie("ADMIN") }))).json()).toMatchObject({ ready: true, queues: expect.any(Object) })
  })

  it("give the detail to the addresses of HEALTH_DETAIL_ALLOW, seen as the TCP peer, never to a forged X-Forwarded-For", async () => {
    process.env.HEALTH_DETAIL_ALLOW = "192.0.2.0/24"
    resetEnvCache()
    expect(await (await getReady(request("/api/health/ready", { [PEER_ADDRESS_HEADER]: "192.0.2.10" }))).json()).toMatchObject({ postgresql: { ok: true } })
    expect(await (await getReady(request("/api/health/ready", { [PEER_ADDRESS_HEADER]: "203.0.113.5", "x-forwarded-for": "192.0.2.10" }))).json()).toEqual({
      ready: true,
    })
  })
})
