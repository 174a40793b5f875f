// The routes server.ts serves outside Next.js, through its router (real PostgreSQL and Redis): the
// live pages' event streams (the page's access rule, the same error bodies, the status at once, the
// live's events, a viewer counted while its stream is open, a signed-in viewer's own outcomes), who
// is signed in (GET /api/me) and the nginx front's access question (GET /api/lives/<slug>/access).
import http from "node:http"
import type { AddressInfo } from "node:net"

import { encode } from "next-auth/jwt"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { publishLiveEvent } from "@/lib/events/live-feed"
import { countLiveViewers } from "@/lib/lives/track-live-viewer"
import { getProducerRedis } from "@/lib/redis"
import { seedChatMessage, seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { serveNodeRoute } from "./node-routes"

let server: http.Server
let base: string

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (!serveNodeRoute(request, response)) response.writeHead(418).end("next")
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

async function get(path: string, cookie?: string, method = "GET") {
  const response = await fetch(`${base}${path}`, { method, headers: cookie ? { cookie } : {} })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

describe("GET /api/me", () => {
  it("names the signed-in account, and nobody for an anonymous, forged or unknown session", async () => {
    const student = await seedUser({ firstName: "Ada", lastName: "Lovelace" })
    const me = await get("/api/me", await sessionCookie(student.id))
    expect(me.status).toBe(200)
    expect(me.headers.get("cache-control")).toBe("private, no-store")
    expect(me.headers.get("content-security-policy")).toContain("default-src 'self'")
    expect(JSON.parse(me.text)).toEqual({ viewer: { firstName: "Ada", lastName: "Lovelace", role: "STUDENT", hasPassword: true } }) // hasPassword: the header links « Mot de passe »
    expect(JSON.parse((await get("/api/me")).text)).toEqual({ viewer: null })
    expect(JSON.parse((await get("/api/me", "next-auth.session-token=forged")).text)).toEqual({ viewer: null })
    expect(JSON.parse((await get("/api/me", await sessionCookie(2_000_000_000))).text)).toEqual({ viewer: null })
  })
})

describe("GET /api/lives/<slug>/access (the front's auth_request)", () => {
  it("says who a live page is for, and refuses an anonymous visitor of a members' page", async () => {
    const student = await seedUser()
    const cookie = await sessionCookie(student.id)
    const { broadcaster: open } = await seedViewableLive()
    const { broadcaster: restricted } = await seedViewableLive({ isRestricted: true })

    const pub = await get(`/api/lives/${open.slug}/access`)
    expect(pub.status).toBe(204)
    expect(pub.headers.get("x-live-audience")).toBe("public")
    expect((await get(`/api/lives/${open.slug}/access`, cookie)).headers.get("x-live-audience")).toBe("public")

    const member = await get(`/api/lives/${restricted.slug}/access`, cookie)
    expect(member.status).toBe(204)
    expect(member.headers.get("x-live-audience")).toBe("members")
    expect(member.headers.get("cache-control")).toBe("private, no-store")
    const anonymous = await get(`/api/lives/${restricted.slug}/access`)
    expect(anonymous.status).toBe(401)
    expect(JSON.parse(anonymous.text)).toEqual({ code: "UNAUTHENTICATED" })
    expect((await get(`/api/lives/${restricted.slug}/access`, await sessionCookie(2_000_000_000))).status).toBe(401)

    // No such page: the app's own 404 is the page's business.
    const unknown = await get("/api/lives/no-such-live/access", cookie)
    expect(unknown.status).toBe(204)
    expect(unknown.headers.get("x-live-audience")).toBe("none")
  })
})

describe("routing", () => {
  it("leaves every other request, writes and malformed slugs to Next.js", async () => {
    for (const path of ["/api/mex", "/api/lives/a/b/access", "/lives/x", "/api/lives/%E0%A4%A/access"]) expect((await get(path)).status).toBe(418)
    expect((await get("/api/me", undefined, "POST")).status).toBe(418)
  })
})

describe("a signed-in viewer's event stream", () => {
  it("starts with the outcomes of the viewer's own recent messages, and only theirs", async () => {
    const { live, broadcaster } = await seedViewableLive({ isRestricted: true })
    const [ada, grace] = [await seedUser(), await seedUser()]
    const mine = await seedChatMessage({ liveId: live.id, userId: ada!.id, relayStatus: "DELIVERED" })
    await seedChatMessage({ liveId: live.id, userId: grace!.id, authorName: "Grace Hopper", relayStatus: "NO_LISTENER" })
    const cookie = await sessionCookie(ada!.id)
    const text = await new Promise<string>((resolve, reject) => {
      let seen = ""
      const stream = http.get(`${base}/api/lives/${broadcaster.slug}/events`, { headers: { cookie } }, (response) => {
        response.setEncoding("utf8").on("data", (chunk: string) => {
          seen += chunk
          if (!seen.includes("event: outcomes")) return
          stream.destroy()
          resolve(seen)
        })
      })
      stream.on("error", (error) => (seen.includes("event: outcomes") ? undefined : reject(error)))
    })
    expect(text).toContain(`event: outcomes\ndata: {"outcomes":[{"id":${mine.id},"outcome":"DELIVERED"}]}\n\n`)
  })
})

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

describe("GET /api/lives/<slug>/events", () => {
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

  it("names an anonymous browser with a cookie, so its tabs count once; a signed-in account's tabs count once", async () => {
    const { live, broadcaster } = await seedViewableLive()
    const first = await open(broadcaster.slug)
    const setCookie = first.headers["set-cookie"]?.[0] ?? ""
    expect(setCookie).toMatch(/^live-viewer=[0-9a-f-]{36}; Path=\/api\/lives; Max-Age=31536000; HttpOnly; SameSite=Lax/)
    const browserCookie = setCookie.split(";")[0]!
    const secondTab = await open(broadcaster.slug, browserCookie)
    expect(secondTab.headers["set-cookie"]).toBeUndefined()
    const user = await seedUser()
    const signedIn = [await open(broadcaster.slug, await sessionCookie(user!.id)), await open(broadcaster.slug, await sessionCookie(user!.id))]
    await expect.poll(() => countLiveViewers(live.id)).toBe(2)
    for (const s of [first, secondTab, ...signedIn]) s.close()
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
})
