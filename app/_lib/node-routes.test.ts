// The routes server.ts serves outside Next.js, through its router (real PostgreSQL and Redis): who is
// signed in (GET /api/me), the nginx front's access question (GET /api/lives/<slug>/access), and
// the own outcomes a signed-in viewer's event stream starts with.
import http from "node:http"
import type { AddressInfo } from "node:net"

import { encode } from "next-auth/jwt"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
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
    expect(JSON.parse(me.text)).toEqual({ viewer: { firstName: "Ada", lastName: "Lovelace", role: "STUDENT" } })
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
