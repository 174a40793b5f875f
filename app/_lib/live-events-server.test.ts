// The live pages' event streams as server.ts serves them outside Next.js (real PostgreSQL and Redis):
// the page's access rule, the same error bodies, the status at once, the live's events, and a viewer
// counted while its stream is open.
import http from "node:http"
import type { AddressInfo } from "node:net"

import { encode } from "next-auth/jwt"
import { afterAll, beforeAll, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { publishLiveEvent } from "@/lib/events/live-feed"
import { countLiveViewers } from "@/lib/lives/track-live-viewer"
import { getProducerRedis } from "@/lib/redis"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { LIVE_EVENTS_PATH, serveLiveEvents } from "./live-events-server"

let server: http.Server
let base: string

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const match = LIVE_EVENTS_PATH.exec(request.url!.split("?")[0]!)
    if (match) void serveLiveEvents(request, response, decodeURIComponent(match[1]!))
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

async function sessionCookie(uid: number): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { uid }, secret: getEnv().AUTH_SECRET })}`
}

type Stream = { status: number; headers: http.IncomingHttpHeaders; text: () => string; close: () => void }

function open(slug: string, cookie?: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}/api/lives/${encodeURIComponent(slug)}/events`, { headers: cookie ? { cookie } : {} }, (response) => {
      let text = ""
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk))
      resolve({ status: response.statusCode!, headers: response.headers, text: () => text, close: () => request.destroy() })
    })
    request.on("error", reject)
  })
}

it("streams a public live's status at once, then its events, and counts the viewer while open", async () => {
  const { live, broadcaster } = await seedViewableLive()
  const stream = await open(broadcaster.slug)
  expect(stream.status).toBe(200)
  expect(stream.headers["content-type"]).toBe("text/event-stream; charset=utf-8")
  expect(stream.headers["x-accel-buffering"]).toBe("no")
  expect(stream.headers["content-security-policy"]).toContain("default-src 'self'")
  await expect.poll(stream.text).toContain('event: status\ndata: {"status":"RUNNING"}\n\n')
  await expect.poll(() => countLiveViewers(live.id)).toBe(1)
  await publishLiveEvent(getProducerRedis(), live.id, { type: "chat", message: { id: 1, authorName: "Ada Lovelace", body: "<b>bonjour</b>", sentAt: "2026-12-02T10:00:00.000Z" } })
  await expect.poll(stream.text).toContain('event: chat\ndata: {"message":{"id":1,"authorName":"Ada Lovelace","body":"<b>bonjour</b>","sentAt":"2026-12-02T10:00:00.000Z"}}\n\n')
  stream.close()
  await expect.poll(() => countLiveViewers(live.id)).toBe(0)
})

it("refuses anonymous visitors of a restricted live (401) and lets a signed-in user in", async () => {
  const { broadcaster } = await seedViewableLive({ isRestricted: true })
  const anonymous = await open(broadcaster.slug)
  expect(anonymous.status).toBe(401)
  await expect.poll(anonymous.text).toBe(JSON.stringify({ code: "UNAUTHENTICATED" }))
  const student = await seedUser()
  const signedIn = await open(broadcaster.slug, await sessionCookie(student.id))
  expect(signedIn.status).toBe(200)
  await expect.poll(signedIn.text).toContain("event: status")
  signedIn.close()
})

it("answers 404 for an unknown live, and 401 for a session whose account is gone", async () => {
  const unknown = await open("no-such-live")
  expect(unknown.status).toBe(404)
  await expect.poll(unknown.text).toBe(JSON.stringify({ code: "NOT_FOUND" }))
  const { broadcaster } = await seedViewableLive({ isRestricted: true })
  const stale = await open(broadcaster.slug, await sessionCookie(2_000_000_000))
  expect(stale.status).toBe(401)
})
