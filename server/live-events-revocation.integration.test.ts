// Issue 28 item 4: a live page's event stream (server.ts's own handler, here on a loopback port) does
// not survive its viewer's deactivation: it closes at once (a notice through Redis reaches every
// instance). The heartbeat's re-check: lib/lives/can-still-view-live.integration.test.ts.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

import { encode } from "next-auth/jwt"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { sessionsEndedFeedReady } from "@/lib/events/sessions-ended-feed"
import { setUserActive } from "@/lib/users/set-user-active"
import { LIVE_EVENTS_PATH } from "@/lib/config/front-contract"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { serveLiveEvents } from "./live-events-server"

let server: Server
let base: string

beforeAll(async () => {
  server = createServer((request, response) => {
    const slug = LIVE_EVENTS_PATH.exec(request.url ?? "")?.[1]
    void serveLiveEvents(request, response, decodeURIComponent(slug ?? ""))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => {
  server.closeAllConnections()
  return new Promise<void>((resolve) => server.close(() => resolve()))
})

const cookieOf = async (userId: number) => `next-auth.session-token=${await encode({ token: { uid: userId, sv: 0 }, secret: getEnv().AUTH_SECRET })}`

/** Reads the stream until `until` matches what came so far; returns it. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: RegExp): Promise<string> {
  const decoder = new TextDecoder()
  let text = ""
  while (!until.test(text)) {
    const { done, value } = await reader.read()
    if (done) throw new Error(`stream ended before ${until}: ${text}`)
    text += decoder.decode(value)
  }
  return text
}

/** Reads what is left until the server ends the stream (the test's timeout fails it otherwise). */
async function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<true> {
  for (;;) if ((await reader.read()).done) return true
}

describe("live event streams and lost access", () => {
  it("a restricted live's stream closes as soon as its viewer is deactivated", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const student = await seedUser()
    const { broadcaster } = await seedViewableLive({ isRestricted: true, enableChat: true })

    const response = await fetch(`${base}/api/lives/${broadcaster.slug}/events`, { headers: { cookie: await cookieOf(student.id) } })
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    expect(await readUntil(reader, /event: status/)).toContain("RUNNING")
    await sessionsEndedFeedReady()

    await setUserActive({ userId: student.id, isActive: false }, admin)
    expect(await readToEnd(reader)).toBe(true)

    // And it cannot come back: the reconnection is refused.
    expect((await fetch(`${base}/api/lives/${broadcaster.slug}/events`, { headers: { cookie: await cookieOf(student.id) } })).status).toBe(401)
  })
})
