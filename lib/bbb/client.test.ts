// The client against a tiny local HTTP server that checks checksums the way BBB does and serves the
// verbatim fixtures, plus every transport failure. (The stateful end-to-end tests against the simulator
// live in tools/bbb-simulator/, since lib never imports tools/.)
import { createHash } from "node:crypto"
import { gzipSync } from "node:zlib"
import { type IncomingMessage, type ServerResponse, createServer } from "node:http"
import type { AddressInfo } from "node:net"

import { afterEach, describe, expect, it } from "vitest"

import { AppError } from "@/lib/errors"

import { createBbbClient } from "./client"
import type { BbbError } from "./errors"
import type { ChecksumAlgorithm } from "./schemas"
import { bbbErrorOf, fixture } from "./test-helpers"

const SECRET = "test-secret-0123456789"
const HEX_LENGTH: Record<number, ChecksumAlgorithm> = { 40: "sha1", 64: "sha256", 96: "sha384", 128: "sha512" }

type Received = { callName: string; params: URLSearchParams; checksumValid: boolean; algorithm: ChecksumAlgorithm | null; path: string }
type Handler = (received: Received, res: ServerResponse, req: IncomingMessage) => void

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()))
})

/** A BBB stand-in: verifies the checksum on the raw query string, then lets the test answer. */
async function startStub(handler: Handler): Promise<{ serverUrl: string; received: Received[] }> {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const rawUrl = req.url ?? "/"
    const path = rawUrl.split("?")[0] ?? "/"
    const rawQuery = rawUrl.includes("?") ? rawUrl.slice(rawUrl.indexOf("?") + 1) : ""
    const params = new URLSearchParams(rawQuery)
    const callName = path.replace(/^\/bigbluebutton\/api\/?/, "")
    const checksum = params.get("checksum") ?? ""
    const algorithm = HEX_LENGTH[checksum.length] ?? null
    const unsigned = rawQuery.replace(`&checksum=${checksum}`, "").replace(`checksum=${checksum}`, "")
    const checksumValid = algorithm !== null && createHash(algorithm).update(callName + unsigned + SECRET).digest("hex") === checksum
    const entry = { callName, params, checksumValid, algorithm, path }
    received.push(entry)
    handler(entry, res, req)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  )
  return { serverUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received }
}

function reply(res: ServerResponse, body: string, status = 200, contentType = "text/xml;charset=UTF-8"): void {
  res.writeHead(status, { "content-type": contentType })
  res.end(body)
}

/** Serves fixtures by call name when the checksum is right; BBB's checksumError otherwise. */
function bbbLike(answers: Record<string, string | ((params: URLSearchParams) => string)>): Handler {
  return (received, res) => {
    if (!received.checksumValid) return reply(res, fixture("failed-checksum-error.xml"))
    const answer = answers[received.callName]
    if (answer === undefined) return reply(res, "<response><returncode>FAILED</returncode><messageKey>unsupportedRequest</messageKey></response>", 404)
    reply(res, typeof answer === "function" ? answer(received.params) : answer)
  }
}

function expectNoSecret(error: BbbError): void {
  const text = `${error.message} ${JSON.stringify(error.details)}`
  expect(text).not.toContain(SECRET)
  expect(text).not.toMatch(/checksum=[0-9a-f]/i)
}

describe("createBbbClient: calls as BBB expects them", () => {
  it("signs getMeetings and returns the parsed meetings", async () => {
    const stub = await startStub(bbbLike({ getMeetings: fixture("get-meetings-several.xml") }))
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    const meetings = await client.getMeetings()
    expect(meetings.map((meeting) => meeting.meetingID)).toEqual(["moodle-course-42", "team-weekly"])
    expect(stub.received[0]).toMatchObject({ callName: "getMeetings", checksumValid: true, algorithm: "sha1", path: "/bigbluebutton/api/getMeetings" })
    expect(client.apiUrl).toBe(`${stub.serverUrl}bigbluebutton/api/`)
  })

  it.each(["sha1", "sha256", "sha384", "sha512"] as const)("signs with %s when configured", async (checksumAlgorithm) => {
    const stub = await startStub(bbbLike({ isMeetingRunning: fixture("is-meeting-running.xml") }))
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET, checksumAlgorithm })
    expect(await client.isMeetingRunning("Cours d'algèbre & co")).toBe(true)
    expect(stub.received[0]).toMatchObject({ checksumValid: true, algorithm: checksumAlgorithm })
    expect(stub.received[0]?.params.get("meetingID")).toBe("Cours d'algèbre & co")
  })

  it("accepts the server URL with or without trailing slash or API path", async () => {
    const stub = await startStub(bbbLike({ getMeetings: fixture("get-meetings-no-meetings.xml") }))
    const root = stub.serverUrl.replace(/\/$/, "")
    for (const serverUrl of [root, `${root}/`, `${root}/bigbluebutton/api`, `${root}/bigbluebutton/api/`]) {
      expect(await createBbbClient({ serverUrl, secret: SECRET }).getMeetings()).toEqual([])
    }
    expect(stub.received.every((received) => received.path === "/bigbluebutton/api/getMeetings" && received.checksumValid)).toBe(true)
  })

  it("exposes raw chunks whose parse equals getMeetings", async () => {
    const stub = await startStub(bbbLike({ getMeetings: fixture("get-meetings-breakouts.xml") }))
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    const chunks = await client.getMeetingChunks()
    expect(chunks.map((chunk) => chunk.internalMeetingID)).toHaveLength(3)
    expect(chunks[1]?.xml).toContain("<parentMeetingID>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-1700000003000</parentMeetingID>")
  })

  it("getMeetingInfo returns the meeting, or null on FAILED notFound", async () => {
    const stub = await startStub(
      bbbLike({
        getMeetingInfo: (params) =>
          params.get("meetingID") === "gbesu6dht08uobpislzqxsizjzihn87cmewqyacs" ? fixture("get-meeting-info-docs-example.xml") : fixture("get-meeting-info-not-found.xml"),
      }),
    )
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    expect((await client.getMeetingInfo("gbesu6dht08uobpislzqxsizjzihn87cmewqyacs"))?.meetingName).toBe("Anton G's Room")
    expect(await client.getMeetingInfo("gone")).toBeNull()
  })

  it("endMeeting sends the meeting id (and password when given) and surfaces FAILED", async () => {
    const stub = await startStub(
      bbbLike({ end: (params) => (params.get("meetingID") === "running" ? fixture("end-success.xml") : fixture("get-meeting-info-not-found.xml")) }),
    )
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    await client.endMeeting({ meetingID: "running", password: "mp" })
    expect(Object.fromEntries(stub.received[0]?.params ?? [])).toMatchObject({ meetingID: "running", password: "mp" })
    expect(await bbbErrorOf(() => client.endMeeting({ meetingID: "gone" }))).toMatchObject({ kind: "FAILED", messageKey: "notFound", callName: "end" })
  })

  it("builds a join URL the server accepts", async () => {
    const stub = await startStub((received, res) => reply(res, received.checksumValid ? "ok" : "bad", received.checksumValid ? 200 : 400, "text/plain"))
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET, checksumAlgorithm: "sha256" })
    const url = client.buildJoinUrl({ meetingID: "cours 42", fullName: "Zoë O'Brien & co", role: "MODERATOR", userID: "user-7", redirect: true, extra: { "userdata-bbb_auto_join_audio": "false" } })
    expect(url.startsWith(`${stub.serverUrl}bigbluebutton/api/join?`)).toBe(true)
    expect(await (await fetch(url)).text()).toBe("ok")
    expect(Object.fromEntries(stub.received[0]?.params ?? [])).toMatchObject({
      meetingID: "cours 42",
      fullName: "Zoë O'Brien & co",
      role: "MODERATOR",
      userID: "user-7",
      redirect: "true",
      "userdata-bbb_auto_join_audio": "false",
    })
  })

  it("reads the unsigned version answer of the API root", async () => {
    const stub = await startStub((_received, res) => reply(res, fixture("api-version.xml")))
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    expect(await client.getVersion()).toEqual({ version: "2.0", apiVersion: "2.0", bbbVersion: "3.0.4" })
    expect(stub.received[0]?.path).toBe("/bigbluebutton/api/")
  })

  it("rejects invalid options without echoing the secret", () => {
    let caught: unknown
    try {
      createBbbClient({ serverUrl: "not a url", secret: SECRET })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe("INVALID_INPUT")
    expect((caught as AppError).message).toContain("serverUrl")
    expect((caught as AppError).message).not.toContain(SECRET)
  })
})

describe("createBbbClient: getRecordings pagination", () => {
  const recording = (index: number) =>
    `<recording><recordID>rec-${index}</recordID><meetingID>m</meetingID><name>R${index}</name><published>true</published>` +
    `<state>published</state><startTime>${1_700_000_000_000 + index}</startTime><endTime>${1_700_000_100_000 + index}</endTime>` +
    `<metadata/><playback><format><type>presentation</type><url>https://x/${index}</url><length>1</length></format></playback></recording>`
  const page = (indexes: number[], extra = "") =>
    `<response><returncode>SUCCESS</returncode><recordings>${indexes.map(recording).join("")}</recordings>${extra}</response>`
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)

  it("follows offset/limit until the total is read, sending the filters on every page", async () => {
    const stub = await startStub(
      bbbLike({
        getRecordings: (params) => {
          const offset = Number(params.get("offset"))
          const limit = Number(params.get("limit"))
          return page(range(offset, Math.min(offset + limit, 7)), "<totalElements>7</totalElements>")
        },
      }),
    )
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    const result = await client.getRecordings({ meetingID: ["a", "b"], state: "any", meta: { "bbb-origin": "Pod" } }, { pageSize: 3 })
    expect(result.recordings.map((item) => item.recordID)).toEqual(range(0, 7).map((index) => `rec-${index}`))
    expect(stub.received.map((received) => received.params.get("offset"))).toEqual(["0", "3", "6"])
    for (const received of stub.received) {
      expect(Object.fromEntries(received.params)).toMatchObject({ meetingID: "a,b", state: "any", "meta_bbb-origin": "Pod", limit: "3" })
      expect(received.checksumValid).toBe(true)
    }
    const pages: number[] = []
    for await (const page of client.iterateRecordings({}, { pageSize: 3 })) pages.push(page.recordings.length)
    expect(pages).toEqual([3, 3, 1])
  })

  it("reads totals inside <pagination>, and pages without totals until an empty page", async () => {
    for (const withTotal of [true, false]) {
      const stub = await startStub(
        bbbLike({
          getRecordings: (params) => {
            const offset = Number(params.get("offset"))
            const limit = Number(params.get("limit"))
            const total = withTotal ? `<pagination><totalElements>5</totalElements></pagination>` : ""
            return page(range(offset, Math.min(offset + limit, 5)), total)
          },
        }),
      )
      const result = await createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET }).getRecordings({}, { pageSize: 2 })
      expect(result.recordings).toHaveLength(5)
      expect(stub.received).toHaveLength(withTotal ? 3 : 4)
    }
  })

  it("stops when the server ignores pagination (Scalelite, BBB < 2.6), without duplicates", async () => {
    for (const count of [5, 2, 1]) {
      const stub = await startStub(bbbLike({ getRecordings: () => page(range(0, count)) }))
      const result = await createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET }).getRecordings({}, { pageSize: 2 })
      expect(result.recordings.map((item) => item.recordID)).toEqual(range(0, count).map((index) => `rec-${index}`))
      expect(stub.received.length).toBeLessThanOrEqual(2)
    }
  })

  it("returns nothing for noRecordings and keeps unreadable ids", async () => {
    const stub = await startStub(bbbLike({ getRecordings: fixture("get-recordings-error-entry.xml") }))
    const result = await createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET }).getRecordings()
    expect(result.unreadableRecordIDs).toEqual(["dead000000000000000000000000000000000000-1700000000000"])
    expect(result.recordings).toHaveLength(1)
    const empty = await startStub(bbbLike({ getRecordings: fixture("get-recordings-no-recordings.xml") }))
    expect(await createBbbClient({ serverUrl: empty.serverUrl, secret: SECRET }).getRecordings()).toEqual({ recordings: [], unreadableRecordIDs: [] })
  })
})

describe("createBbbClient: every failure is a typed error", () => {
  it("network failure (connection refused)", async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const port = (server.address() as AddressInfo).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const error = await bbbErrorOf(() => createBbbClient({ serverUrl: `http://127.0.0.1:${port}`, secret: SECRET }).getMeetings())
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: "BBB_UNAVAILABLE", kind: "NETWORK", callName: "getMeetings", isTransient: true })
    expect(error.details).toMatchObject({ reason: "ECONNREFUSED" })
    expectNoSecret(error)
  })

  it("timeout when the server never answers", async () => {
    const stub = await startStub(() => {
      /* never answers */
    })
    const error = await bbbErrorOf(() => createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET, timeoutMs: 150 }).getMeetings())
    expect(error).toMatchObject({ kind: "TIMEOUT", isTransient: true })
    expect(error.message).toContain("150 ms")
    expectNoSecret(error)
  })

  it("timeout when the body stalls half-way", async () => {
    const stub = await startStub((_received, res) => {
      res.writeHead(200, { "content-type": "text/xml" })
      res.write(fixture("get-meetings-several.xml").slice(0, 500))
    })
    const error = await bbbErrorOf(() => createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET, timeoutMs: 150 }).getMeetings())
    expect(error.kind).toBe("TIMEOUT")
  })

  it("HTTP 500 and 404 statuses", async () => {
    const stub = await startStub((received, res) =>
      received.callName === "getMeetings" ? reply(res, fixture("not-xml-proxy-error.html"), 500, "text/html") : reply(res, "Not Found", 404, "text/plain"),
    )
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    const error = await bbbErrorOf(() => client.getMeetings())
    expect(error).toMatchObject({ kind: "HTTP_STATUS", httpStatus: 500, isTransient: true })
    expect(error.details).toMatchObject({ endpoint: `${stub.serverUrl}bigbluebutton/api/getMeetings` })
    expectNoSecret(error)
    expect(await bbbErrorOf(() => client.getMeetingInfo("x"))).toMatchObject({ kind: "HTTP_STATUS", httpStatus: 404, isTransient: false })
  })

  it("never keeps a checksum from an error page that echoes the request URL", async () => {
    const stub = await startStub((_received, res, req) => reply(res, `<html><body>Error 500 for ${req.url}</body></html>`, 500, "text/html"))
    const error = await bbbErrorOf(() => createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET }).getMeetings())
    expect(JSON.stringify(error.details)).toContain("checksum=[redacted]")
    expectNoSecret(error)
    const html = await startStub((_received, res, req) => reply(res, `<!DOCTYPE html><p>${req.url}</p>`, 200, "text/html"))
    const notXml = await bbbErrorOf(() => createBbbClient({ serverUrl: html.serverUrl, secret: SECRET }).getMeetings())
    expect(notXml.kind).toBe("NOT_XML")
    expectNoSecret(notXml)
  })

  it("non-XML body with HTTP 200", async () => {
    const stub = await startStub((_received, res) => reply(res, fixture("not-xml-proxy-error.html"), 200, "text/html"))
    expect((await bbbErrorOf(() => createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET }).getMeetings())).kind).toBe("NOT_XML")
  })

  it("FAILED checksumError (wrong secret) is a permanent error, never an empty list", async () => {
    const stub = await startStub(bbbLike({ getMeetings: fixture("get-meetings-several.xml"), getRecordings: fixture("get-recordings-docs-example.xml") }))
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: "wrong-secret" })
    const error = await bbbErrorOf(() => client.getMeetings())
    expect(error).toMatchObject({ kind: "FAILED", messageKey: "checksumError", isTransient: false })
    expect((await bbbErrorOf(() => client.getRecordings())).messageKey).toBe("checksumError")
    expect((await bbbErrorOf(() => client.isMeetingRunning("x"))).messageKey).toBe("checksumError")
  })

  it("schema mismatch", async () => {
    const stub = await startStub(bbbLike({ getMeetings: fixture("get-meetings-schema-mismatch.xml"), isMeetingRunning: "<response><returncode>SUCCESS</returncode></response>" }))
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    expect((await bbbErrorOf(() => client.getMeetings())).kind).toBe("SCHEMA_MISMATCH")
    expect((await bbbErrorOf(() => client.isMeetingRunning("x"))).kind).toBe("SCHEMA_MISMATCH")
  })

  it("truncated XML", async () => {
    const stub = await startStub(bbbLike({ getMeetings: fixture("get-meetings-truncated.xml") }))
    expect((await bbbErrorOf(() => createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET }).getMeetings())).kind).toBe("MALFORMED_XML")
  })

  it("a connection reset fails after one retry for reads, and is never retried for end", async () => {
    let resets = 0
    const stub = await startStub((_received, _res, req) => {
      resets++
      req.socket.destroy()
    })
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    const error = await bbbErrorOf(() => client.getMeetings())
    expect(error).toMatchObject({ kind: "NETWORK", isTransient: true })
    expect(resets).toBe(2)
    await bbbErrorOf(() => client.endMeeting({ meetingID: "x" }))
    expect(resets).toBe(3)
  })

  it("a single stale-connection reset is retried transparently for reads", async () => {
    let calls = 0
    const stub = await startStub((received, res, req) => {
      calls++
      if (calls === 1) return req.socket.destroy()
      bbbLike({ getMeetings: fixture("get-meetings-one-attendee.xml") })(received, res, req)
    })
    expect(await createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET }).getMeetings()).toHaveLength(1)
    expect(calls).toBe(2)
  })
})

describe("createBbbClient: getMeetings read as a stream (issue 25's bad answers)", () => {
  const meeting = (i: number) =>
    `<meeting><meetingName>Cours ${i}</meetingName><internalMeetingID>m-${i}</internalMeetingID><attendees>` +
    Array.from({ length: 30 }, (_, a) => `<attendee><userID>w_${i}_${a}</userID><fullName>Étudiante ${a}</fullName><role>VIEWER</role></attendee>`).join("") +
    `</attendees></meeting>`
  const HEAD = "<response><returncode>SUCCESS</returncode><meetings>"
  const TAIL = "</meetings></response>"
  const body = (count: number) => HEAD + Array.from({ length: count }, (_, i) => meeting(i)).join("") + TAIL

  /** Writes `HEAD`, then blocks of ~0.7 MB of meetings until `bytes` were sent, then (unless cut) the end. */
  function streamMeetings(res: ServerResponse, bytes: number, then: "end" | "cut" | "stall", declared?: number): void {
    res.writeHead(200, { "content-type": "text/xml;charset=UTF-8", ...(declared ? { "content-length": String(declared) } : {}) })
    const block = Buffer.from(Array.from({ length: 200 }, (_, i) => meeting(i)).join(""), "utf8")
    let sent = 0
    const pump = () => {
      while (sent < bytes) {
        const piece = block
        sent += piece.length + (sent === 0 ? HEAD.length : 0)
        if (!res.write(piece)) return void res.once("drain", pump)
      }
      if (then === "end") res.end(TAIL)
      else if (then === "cut") res.destroy() // the connection drops mid-body
      // "stall": nothing more, the connection stays open
    }
    res.write(HEAD)
    pump()
  }

  it("accepts a gzip answer (asking for it) and decompresses it as a stream; skips what the caller already has", async () => {
    const stub = await startStub((_received, res, req) => {
      expect(req.headers["accept-encoding"]).toContain("gzip")
      res.writeHead(200, { "content-type": "text/xml", "content-encoding": "gzip" })
      res.end(gzipSync(body(500)))
    })
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET })
    const all = await client.getMeetingChunks()
    expect(all).toHaveLength(500)
    expect(all[499]).toMatchObject({ internalMeetingID: "m-499", xml: meeting(499) })
    const known = new Map(all.slice(0, 499).map((c) => [c.internalMeetingID, c.hash]))
    const next = await client.getMeetingChunks({ isUnchanged: (id, hash) => known.get(id) === hash })
    expect(next.filter((c) => c.xml === null)).toHaveLength(499)
    expect(next[499]).toMatchObject({ internalMeetingID: "m-499", xml: meeting(499), hash: all[499]!.hash })
  })

  it("fails on a 100 MB answer cut in the middle, on one malformed <meeting> among 10,000, on a stall mid-body and on corrupt gzip", async () => {
    let mode: "cut" | "malformed" | "stall" | "gzip" = "cut"
    const stub = await startStub((_received, res) => {
      // A 100 MB answer (its Content-Length) whose connection drops after 16 MB (the test stays short).
      if (mode === "cut") return streamMeetings(res, 16_000_000, "cut", 100_000_000)
      if (mode === "stall") return streamMeetings(res, 300_000, "stall")
      if (mode === "malformed") {
        const text = body(10_000).replace("<role>VIEWER</role></attendee><attendee><userID>w_6000_7</userID>", "<role>VIEWER</role></attendees><attendee><userID>w_6000_7</userID>")
        return reply(res, text)
      }
      const gzip = gzipSync(body(200))
      gzip[gzip.length - 8]! ^= 0xff // the CRC of the trailer: every byte decompresses, the check fails at the end
      res.writeHead(200, { "content-type": "text/xml", "content-encoding": "gzip" })
      res.end(gzip)
    })
    const client = createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET, timeoutMs: 8_000 })

    const cut = await bbbErrorOf(() => client.getMeetingChunks())
    expect(cut.kind).toBe("NETWORK")
    expect(cut.code).toBe("BBB_UNAVAILABLE")

    mode = "malformed"
    const malformed = await bbbErrorOf(() => client.getMeetingChunks())
    expect(malformed).toMatchObject({ kind: "MALFORMED_XML" })
    expect(malformed.message).toContain("expected </attendee>, found </attendees>")

    mode = "gzip"
    const corrupt = await bbbErrorOf(() => client.getMeetingChunks())
    expect(corrupt.kind).toBe("NETWORK")
    expect(corrupt.message).toContain("the compressed answer is corrupt")

    mode = "stall" // a short timeout stands for BBB_TIMEOUT_MS
    const stalled = await bbbErrorOf(() => createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET, timeoutMs: 400 }).getMeetingChunks())
    expect(stalled.kind).toBe("TIMEOUT")
    expect(stalled.message).toContain("no complete answer within 400 ms")
  }, 10_000)

  it("keeps memory to the meetings it returns: a tag that never ends is refused at 1 MB", async () => {
    const stub = await startStub((_received, res) => reply(res, `${HEAD}<meeting><x a="${"y".repeat(2_000_000)}`))
    const error = await bbbErrorOf(() => createBbbClient({ serverUrl: stub.serverUrl, secret: SECRET }).getMeetingChunks())
    expect(error.kind).toBe("MALFORMED_XML")
  })
})
