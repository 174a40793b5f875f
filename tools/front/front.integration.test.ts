// The shipped nginx front (deploy/nginx/bbb-pod-live.conf), run by tools/front under a real nginx, in
// front of a tiny HTTP server standing in for the app: it counts the requests that reach it and
// marks its answers as each test tells it (X-Accel-Expires, Set-Cookie), like proxy.ts does. Its
// access answer (GET /api/lives/<slug>/access, the front's auth_request) says "members" for the
// pages named members-*, to a session cookie whose value starts with "ok" (401 otherwise), and
// "public" for the others. A video file request (/videos/watch/<token>/file) is answered with an
// X-Accel-Redirect to a file under the front's recordings root when the token is "allowed", 404 otherwise.
import http from "node:http"
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { freePort } from "../nginx/run-nginx"

import { startFront, type Front } from "./server"

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }
type Seen = { hit: number; path: string; headers: http.IncomingHttpHeaders }

/** What the stand-in app answers, by the first segment after /lives/ (or the path). */
function behaviour(pathname: string): { expires?: number; setCookie?: boolean } {
  const kind = pathname.split("/")[2]?.split("-")[0] ?? ""
  if (pathname === "/not-a-page") return { expires: 60 }
  if (kind === "marked" || kind === "members" || pathname === "/lives") return { expires: 60 }
  if (kind === "short") return { expires: 1 }
  if (kind === "cookie") return { expires: 60, setCookie: true }
  return {}
}

const VIDEO_BYTES = Buffer.from("0123456789abcdef")
let dir: string
let app: http.Server
let front: Front
const hits = new Map<string, number>()
const sse = { ended: false, finish: () => {} }

function hitsOf(pathWithQuery: string): number {
  return hits.get(pathWithQuery) ?? 0
}

function get(pathWithQuery: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${front.url}${pathWithQuery}`, { method, headers, agent: false }, (response) => {
      let body = ""
      response.setEncoding("latin1")
      response.on("data", (chunk: string) => (body += chunk))
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }))
    })
    request.on("error", reject)
    request.end()
  })
}

const seen = (answer: Answer) => JSON.parse(answer.body) as Seen

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "bbb-front-test-"))
  await chmod(dir, 0o755) // nginx's workers (user nobody when started as root) write the cache below
  app = http.createServer((request, response) => {
    const url = new URL(request.url!, "http://app")
    const key = request.url!
    const hit = (hits.get(key) ?? 0) + 1
    hits.set(key, hit)
    const access = /^\/api\/lives\/([^/]+)\/access$/.exec(url.pathname)
    if (access) {
      const session = /next-auth\.session-token=([^;]*)/.exec(request.headers.cookie ?? "")?.[1]
      if (!access[1]!.startsWith("members")) return void response.writeHead(204, { "X-Live-Audience": "public" }).end()
      if (session?.startsWith("ok")) return void response.writeHead(204, { "X-Live-Audience": "members" }).end()
      return void response.writeHead(401, { "Content-Type": "application/json" }).end('{"code":"UNAUTHENTICATED"}')
    }
    const videoFile = /^\/videos\/watch\/([^/]+)\/file$/.exec(url.pathname)
    if (videoFile) {
      if (videoFile[1] !== "allowed") return void response.writeHead(404, { "Content-Type": "application/json" }).end('{"code":"NOT_FOUND"}')
      return void response
        .writeHead(200, {
          "X-Accel-Redirect": "/_bbb_pod_live_files/recordings/imports/7/cours%20d'alg%C3%A8bre.mp4",
          "Content-Type": "video/mp4",
          "Content-Disposition": 'inline; filename="cours.mp4"',
          "Cache-Control": "private, no-store",
        })
        .end()
    }
    if (url.pathname.endsWith("/events")) {
      // Server-sent events: one frame now, the end only when the test says so (or after 20 s).
      response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-store, no-transform" })
      response.write("event: status\ndata: {\"status\":\"RUNNING\"}\n\n")
      const end = () => {
        if (sse.ended) return
        sse.ended = true
        response.end("event: status\ndata: {\"status\":\"ENDED\"}\n\n")
      }
      const timer = setTimeout(end, 20_000)
      sse.finish = () => {
        clearTimeout(timer)
        end()
      }
      return
    }
    const { expires, setCookie } = behaviour(url.pathname)
    const headers: http.OutgoingHttpHeaders = {
      "Content-Type": "application/json",
      // What Next.js sends on its dynamic pages: the front must not let it prevent the micro-cache.
      "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
      Vary: "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Accept-Encoding",
    }
    if (expires !== undefined) headers["X-Accel-Expires"] = String(expires)
    if (setCookie) headers["Set-Cookie"] = "next-auth.csrf-token=abc; Path=/; HttpOnly"
    // A little render time, so that a burst of requests overlaps the first one.
    setTimeout(() => {
      response.writeHead(200, headers)
      response.end(JSON.stringify({ hit, path: key, headers: request.headers } satisfies Seen))
    }, 150)
  })
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve))
  const appPort = (app.address() as AddressInfo).port
  await mkdir(path.join(dir, "recordings/imports/7"), { recursive: true, mode: 0o755 })
  await writeFile(path.join(dir, "recordings/imports/7/cours d'algèbre.mp4"), VIDEO_BYTES, { mode: 0o644 })
  front = await startFront({
    dir: path.join(dir, "front"),
    port: await freePort(),
    appAddresses: [`127.0.0.1:${appPort}`],
    recordingsPath: path.join(dir, "recordings"),
    recorderPath: path.join(dir, "recorder"),
  })
})

afterAll(async () => {
  sse.finish()
  await front?.close()
  app?.closeAllConnections()
  await new Promise((resolve) => app?.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

describe("nginx front (deploy/nginx)", () => {
  it("serves a burst of anonymous requests for a marked page from one render", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => get("/lives/marked-burst")))
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200))
    expect(hitsOf("/lives/marked-burst")).toBe(1)
    expect(answers.filter((a) => a.headers["x-cache-status"] === "MISS")).toHaveLength(1)
    expect(answers.every((a) => seen(a).hit === 1)).toBe(true)
    const again = await get("/lives/marked-burst")
    expect(again.headers["x-cache-status"]).toBe("HIT")
    expect(hitsOf("/lives/marked-burst")).toBe(1)
    // The browser still gets the app's Cache-Control; X-Accel-Expires stays between nginx and the app.
    expect(again.headers["cache-control"]).toContain("no-store")
    expect(again.headers["x-accel-expires"]).toBeUndefined()
    // The Directs page too, and HEAD is answered from the same entry.
    await get("/lives")
    expect((await get("/lives", {}, "HEAD")).headers["x-cache-status"]).toBe("HIT")
    expect(hitsOf("/lives")).toBe(1)
  })

  it("never serves a visitor with a session cookie from the cache, nor stores what they got", async () => {
    await get("/lives/marked-session")
    expect((await get("/lives/marked-session")).headers["x-cache-status"]).toBe("HIT")
    for (const cookie of [
      "next-auth.session-token=abc",
      "NEXT_LOCALE=fr; __Secure-next-auth.session-token=abc",
      "next-auth.session-token.0=abc; next-auth.session-token.1=def",
    ]) {
      const answer = await get("/lives/marked-session", { cookie })
      expect(answer.headers["x-cache-status"]).toBe("BYPASS")
      expect(seen(answer).headers.cookie).toBe(cookie)
    }
    expect(hitsOf("/lives/marked-session")).toBe(4)

    // Signed in first: even marked (the worst case), the answer is not stored for anonymous visitors.
    const signedIn = await get("/lives/marked-first", { cookie: "next-auth.session-token=abc" })
    expect(signedIn.headers["x-cache-status"]).toBe("BYPASS")
    const anonymous = await get("/lives/marked-first")
    expect(anonymous.headers["x-cache-status"]).toBe("MISS")
    expect(seen(anonymous).headers.cookie).toBeUndefined()
    expect(hitsOf("/lives/marked-first")).toBe(2)
  })

  it("serves a members-only page to every member from one render, asking the app about each visitor", async () => {
    const members = ["ok-ada", "ok-grace", "ok-alan"].map((v) => `next-auth.session-token=${v}`)
    const first = await get("/lives/members-a", { cookie: members[0]! })
    expect(first.headers["x-cache-status"]).toBe("MISS")
    for (const cookie of members.slice(1)) {
      const answer = await get("/lives/members-a", { cookie })
      expect(answer.headers["x-cache-status"]).toBe("HIT")
      expect(seen(answer).hit).toBe(1)
    }
    expect(hitsOf("/lives/members-a")).toBe(1)
    expect(hitsOf("/api/lives/members-a/access")).toBe(3)
  })

  it("hands a visitor the app refuses on a members-only page to the app, never the members' copy", async () => {
    await get("/lives/members-refused", { cookie: "next-auth.session-token=ok-ada" })
    expect((await get("/lives/members-refused", { cookie: "next-auth.session-token=ok-ada" })).headers["x-cache-status"]).toBe("HIT")
    // A stale session: the app answers itself (its sign-in redirect), from no cache.
    const stale = await get("/lives/members-refused", { cookie: "next-auth.session-token=expired" })
    expect(stale.status).toBe(200)
    expect(seen(stale).hit).toBe(2)
    expect(seen(stale).headers.cookie).toBe("next-auth.session-token=expired")
    expect(stale.headers["x-cache-status"]).toBeUndefined()
    // Anonymous visitors are not asked about (the app redirects every one of them alike), and get the
    // anonymous copy, never the members' one.
    const anonymous = await get("/lives/members-refused")
    expect(anonymous.headers["x-cache-status"]).toBe("MISS")
    expect(seen(anonymous).headers.cookie).toBeUndefined()
    expect((await get("/lives/members-refused")).headers["x-cache-status"]).toBe("HIT")
    expect(hitsOf("/api/lives/members-refused/access")).toBe(3)
    expect(hitsOf("/lives/members-refused")).toBe(3)
  })

  it("never shares a signed-in visitor's page of a public live, even marked", async () => {
    const cookie = "next-auth.session-token=ok-ada"
    expect((await get("/lives/marked-public", { cookie })).headers["x-cache-status"]).toBe("BYPASS")
    expect((await get("/lives/marked-public", { cookie })).headers["x-cache-status"]).toBe("BYPASS")
    expect(hitsOf("/lives/marked-public")).toBe(2)
    expect(hitsOf("/api/lives/marked-public/access")).toBe(2)
  })

  it("caches other cookies' visitors like anyone (the sign-in CSRF cookie changes nothing)", async () => {
    await get("/lives/marked-csrf", { cookie: "next-auth.csrf-token=x" })
    expect((await get("/lives/marked-csrf", { cookie: "next-auth.csrf-token=y" })).headers["x-cache-status"]).toBe("HIT")
    expect(hitsOf("/lives/marked-csrf")).toBe(1)
  })

  it("never stores an answer that sets a cookie", async () => {
    const first = await get("/lives/cookie-a")
    expect(first.headers["set-cookie"]).toBeDefined()
    const second = await get("/lives/cookie-a")
    expect(second.headers["x-cache-status"]).toBe("MISS")
    expect(hitsOf("/lives/cookie-a")).toBe(2)
  })

  it("never stores an answer the app did not mark, nor anything outside the Directs and live pages", async () => {
    await get("/lives/plain-a")
    expect((await get("/lives/plain-a")).headers["x-cache-status"]).toBe("MISS")
    expect(hitsOf("/lives/plain-a")).toBe(2)
    await get("/not-a-page")
    const other = await get("/not-a-page")
    expect(other.headers["x-cache-status"]).toBeUndefined()
    expect(hitsOf("/not-a-page")).toBe(2)
  })

  it("keeps one entry per language: NEXT_LOCALE cookie, then Accept-Language", async () => {
    const variants: Record<string, string>[] = [
      {},
      { cookie: "NEXT_LOCALE=en" },
      { cookie: "NEXT_LOCALE=fr" },
      { "accept-language": "en-GB,en;q=0.9" },
      { "accept-language": "fr-FR,fr;q=0.9" },
      { cookie: "NEXT_LOCALE=en", "accept-language": "fr-FR,fr;q=0.9" },
    ]
    for (const headers of variants) {
      const answer = await get("/lives/marked-locale", headers)
      expect(answer.headers["x-cache-status"]).toBe("MISS")
      expect(seen(answer).headers.cookie).toBe(headers.cookie)
      expect(seen(answer).headers["accept-language"]).toBe(headers["accept-language"])
    }
    for (const headers of variants) {
      const answer = await get("/lives/marked-locale", headers)
      expect(answer.headers["x-cache-status"]).toBe("HIT")
      // Served the render made for that very language.
      expect(seen(answer).headers.cookie).toBe(headers.cookie)
      expect(seen(answer).headers["accept-language"]).toBe(headers["accept-language"])
    }
    expect(hitsOf("/lives/marked-locale")).toBe(variants.length)
    // The app reads the cookie's name case-sensitively (it ignores next_locale), and so does the key:
    // such a visitor gets the page of visitors without the cookie, not the one made for NEXT_LOCALE=en.
    const lowercase = await get("/lives/marked-locale", { cookie: "next_locale=en" })
    expect(lowercase.headers["x-cache-status"]).toBe("HIT")
    expect(seen(lowercase).headers.cookie).toBeUndefined()
  })

  it("shares one entry among browsers that accept gzip, whatever else they list", async () => {
    const first = await get("/lives/marked-gzip", { "accept-encoding": "gzip, deflate, br, zstd" })
    expect(seen(first).headers["accept-encoding"]).toBe("gzip")
    expect((await get("/lives/marked-gzip", { "accept-encoding": "br, gzip" })).headers["x-cache-status"]).toBe("HIT")
    const plain = await get("/lives/marked-gzip")
    expect(plain.headers["x-cache-status"]).toBe("MISS")
    expect(seen(plain).headers["accept-encoding"]).toBeUndefined()
    expect(hitsOf("/lives/marked-gzip")).toBe(2)
  })

  it("sends client-side navigations (RSC header, _rsc query) to the app, never from or into the cache", async () => {
    await get("/lives/marked-rsc")
    const withHeader = await get("/lives/marked-rsc", { rsc: "1" })
    expect(withHeader.headers["x-cache-status"]).toBe("BYPASS")
    expect(seen(withHeader).headers.rsc).toBe("1")
    expect(hitsOf("/lives/marked-rsc")).toBe(2)
    const withQuery = await get("/lives/marked-rsc?_rsc=1x2y")
    expect(withQuery.headers["x-cache-status"]).toBe("BYPASS")
    expect((await get("/lives/marked-rsc?_rsc=1x2y")).headers["x-cache-status"]).toBe("BYPASS")
    expect(hitsOf("/lives/marked-rsc?_rsc=1x2y")).toBe(2)
    // The page entry is still the page.
    expect((await get("/lives/marked-rsc")).headers["x-cache-status"]).toBe("HIT")
  })

  it("once an entry expires, serves the previous copy while one request renders the next", async () => {
    expect(seen(await get("/lives/short-a")).hit).toBe(1)
    // nginx counts whole seconds: the 1 s entry expires within 2 s.
    let stale = await get("/lives/short-a")
    while (stale.headers["x-cache-status"] === "HIT") {
      await new Promise((resolve) => setTimeout(resolve, 200))
      stale = await get("/lives/short-a")
    }
    expect(["STALE", "UPDATING"]).toContain(stale.headers["x-cache-status"])
    expect(seen(stale).hit).toBe(1)
    await expect.poll(async () => seen(await get("/lives/short-a")).hit).toBe(2)
  })

  it("passes the visitor's host, scheme and address to the app", async () => {
    const answer = await get("/lives/plain-forwarded", { "x-forwarded-for": "203.0.113.9" })
    const headers = seen(answer).headers
    const host = new URL(front.url).host
    expect(headers.host).toBe(host)
    expect(headers["x-forwarded-host"]).toBe(host)
    expect(headers["x-forwarded-proto"]).toBe("http")
    expect(headers["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1")
    expect(headers["x-real-ip"]).toBe("127.0.0.1")
    expect(headers.connection).toBeUndefined() // HTTP/1.1 keepalive to the app
  })

  it("passes server-sent events on as they come (not buffered, not cached)", async () => {
    for (const pathWithQuery of ["/api/lives/some-live/events", "/api/events?topics=lives"]) {
      sse.ended = false
      sse.finish = () => {}
      const firstFrame = await new Promise<{ text: string; endedBefore: boolean; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
        const request = http.get(`${front.url}${pathWithQuery}`, { agent: false }, (response) => {
          response.setEncoding("utf8")
          response.once("data", (chunk: string) => {
            resolve({ text: chunk, endedBefore: sse.ended, headers: response.headers })
            response.destroy()
          })
        })
        request.on("error", reject)
      })
      // The first frame arrived while the app still held the stream open.
      expect(firstFrame.endedBefore).toBe(false)
      expect(firstFrame.text).toContain("RUNNING")
      expect(firstFrame.headers["x-cache-status"]).toBeUndefined()
      sse.finish()
    }
  })

  it("serves a video's file itself, with range requests, only when the app redirects to it (X-Accel-Redirect)", async () => {
    const whole = await get("/videos/watch/allowed/file")
    expect(whole.status).toBe(200)
    expect(whole.body).toBe(VIDEO_BYTES.toString("latin1"))
    expect(whole.headers["content-type"]).toBe("video/mp4")
    expect(whole.headers["content-disposition"]).toBe('inline; filename="cours.mp4"')
    expect(whole.headers["accept-ranges"]).toBe("bytes")
    const part = await get("/videos/watch/allowed/file", { range: "bytes=4-7" })
    expect(part.status).toBe(206)
    expect(part.body).toBe("4567")
    expect(part.headers["content-range"]).toBe(`bytes 4-7/${VIDEO_BYTES.length}`)
    // The app's refusal is the answer; the internal location cannot be asked directly.
    expect((await get("/videos/watch/refused/file")).status).toBe(404)
    expect((await get("/_bbb_pod_live_files/recordings/imports/7/cours%20d'alg%C3%A8bre.mp4")).status).toBe(404)
  })
})
