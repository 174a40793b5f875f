// "Importer" through the real worker, against URLs a teacher could type (server-side request forgery).
// Only loopback servers of this test exist: one "refused" (an internal service: it must never get a
// request) and one "allowed" (on EXTERNAL_VIDEO_ALLOWED_HOSTS, as an admin would list the university's
// PeerTube) that redirects to the refused one, answers HTML or too many bytes. The address rule for the
// private ranges is tested without any connection in lib/net/is-blocked-address.test.ts.
import { existsSync } from "node:fs"
import { mkdtemp, readdir, rm } from "node:fs/promises"
import { createServer, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import path from "node:path"
import { Readable } from "node:stream"

import type { Job } from "bullmq"
import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import messages from "@/lib/i18n/messages/fr.json"
import { guardedFetch } from "@/lib/net/guarded-fetch"
import { createExternalRecording } from "@/lib/recordings/create-external-recording"
import { getExternalVideoFetchPolicy } from "@/lib/recordings/external-video-fetch-policy"
import { requestExternalRecordingImport } from "@/lib/recordings/request-external-recording-import"
import { seedUser } from "@/prisma/seed/factories"

import { recordingsImportWorker } from "./recordings-import"
import { jobProcessor } from "./run-worker"
import { caughtError } from "@/vitest.helpers"

let redis: Redis
beforeAll(() => {
  redis = new Redis(getEnv().REDIS_URL, { maxRetriesPerRequest: 1 })
})
afterAll(() => {
  redis.disconnect()
})

/** A loopback HTTP server that counts the requests it gets. */
async function startServer(handler: (url: string, res: ServerResponse) => void): Promise<{ server: Server; url: string; host: string; port: number; requests: string[] }> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    requests.push(req.url ?? "")
    handler(req.url ?? "", res)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, port, requests }
}

describe("importing a URL the teacher typed (server-side request forgery)", () => {
  const VIDEO = Buffer.from("not really a video, but typed as one")
  let refused: Awaited<ReturnType<typeof startServer>>
  let allowed: Awaited<ReturnType<typeof startServer>>
  let workerDirectory: string
  beforeAll(async () => {
    // what an internal service would answer: the worker must never reach it
    refused = await startServer((_url, res) => {
      res.writeHead(200, { "content-type": "video/mp4" }).end(VIDEO)
    })
    // the admin's allowed host (e.g. the university's PeerTube): redirects, wrong types, big files
    allowed = await startServer((url, res) => {
      if (url.startsWith("/to-refused")) res.writeHead(302, { location: `${refused.url}/internal.mp4` }).end()
      else if (url.startsWith("/to-localhost")) res.writeHead(302, { location: `http://localhost:${refused.port}/internal.mp4` }).end()
      else if (url.startsWith("/missing")) res.writeHead(404).end()
      else if (url.startsWith("/page")) res.writeHead(200, { "content-type": "text/html" }).end("<html></html>")
      else if (url.startsWith("/huge")) res.writeHead(200, { "content-type": "video/mp4" }).end(Buffer.alloc(64 * 1024))
      else if (url.startsWith("/unannounced-huge")) {
        res.writeHead(200, { "content-type": "video/mp4" })
        for (let i = 0; i < 16; i++) res.write(Buffer.alloc(4096))
        res.end()
      } else if (url.startsWith("/stall")) res.writeHead(200, { "content-type": "video/mp4" }).write(VIDEO) // never ends
      else res.writeHead(200, { "content-type": "video/mp4" }).end(VIDEO)
    })
    workerDirectory = await mkdtemp(path.join(tmpdir(), "imports-ssrf-"))
  })
  afterAll(async () => {
    await new Promise((resolve) => refused.server.close(resolve))
    allowed.server.closeAllConnections()
    await new Promise((resolve) => allowed.server.close(resolve))
    await rm(workerDirectory, { recursive: true, force: true })
  })

  /** The real worker's processor, with the settings an admin would write: both test ports open, only the allowed server listed. */
  async function importThroughWorker(sourceUrl: string) {
    const teacher = await seedUser({ role: "TEACHER" })
    const { id } = await createExternalRecording({ name: "Vidéo", type: "VIDEO", sourceUrl }, teacher)
    await requestExternalRecordingImport({ id }, teacher)
    const worker = recordingsImportWorker({
      ...getEnv(),
      DEFAULT_BBB_PATH: workerDirectory,
      EXTERNAL_VIDEO_ALLOWED_HOSTS: [allowed.host],
      EXTERNAL_VIDEO_ALLOWED_PORTS: [80, 443, allowed.port, refused.port],
      EXTERNAL_VIDEO_MAX_BYTES: 32 * 1024,
    })
    const job = { data: { externalRecordingId: id }, attemptsMade: 0, opts: { attempts: 3 } } as unknown as Job
    const result = (await worker.processor(job)) as { outcome: string }
    const row = await db.externalRecording.findUniqueOrThrow({ where: { id } })
    const drafts = await db.draftVideo.count({ where: { ownerId: teacher.id } })
    return { outcome: result.outcome, state: row.state, drafts, ownerDirectory: path.join(workerDirectory, "imports", String(teacher.id)) }
  }

  it.each([
    ["127.0.0.1", () => `${refused.url}/internal.mp4`],
    ["localhost", () => `http://localhost:${refused.port}/internal.mp4`],
    ["[::1]", () => `http://[::1]:${refused.port}/internal.mp4`],
    ["[::ffff:127.0.0.1]", () => `http://[::ffff:127.0.0.1]:${refused.port}/internal.mp4`],
    ["a redirect from the allowed server to 127.0.0.1", () => `${allowed.url}/to-refused.mp4`],
    ["a redirect from the allowed server to localhost", () => `${allowed.url}/to-localhost.mp4`],
  ])("refuses %s without contacting it; the teacher sees the neutral state", async (_label, sourceUrl) => {
    const before = refused.requests.length
    const result = await importThroughWorker(sourceUrl())
    expect(result).toMatchObject({ outcome: "refused", state: "IMPORT_REFUSED", drafts: 0 })
    expect(refused.requests.length).toBe(before)
    expect(existsSync(result.ownerDirectory)).toBe(false)
    expect(messages.externalRecordings.states.IMPORT_REFUSED).toBe("Cette adresse ne peut pas être importée.")
  })

  it("refuses an answer that is not a video, and one over the size cap (announced or not), keeping no file", async () => {
    for (const file of ["/page.mp4", "/huge.mp4", "/unannounced-huge.mp4"]) {
      const result = await importThroughWorker(`${allowed.url}${file}`)
      expect(result, file).toMatchObject({ outcome: "refused", state: "IMPORT_REFUSED", drafts: 0 })
      expect(existsSync(result.ownerDirectory) ? await readdir(result.ownerDirectory) : [], file).toEqual([])
    }
  })

  it("the allowed server's video is imported", async () => {
    const result = await importThroughWorker(`${allowed.url}/video.mp4`)
    expect(result).toMatchObject({ outcome: "imported", state: "IMPORTED", drafts: 1 })
  })

  it("as the runner runs it: a download that fails is retried, and the last failed attempt marks the row IMPORT_FAILED", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const { id } = await createExternalRecording({ name: "Absente", type: "VIDEO", sourceUrl: `${allowed.url}/missing.mp4` }, teacher)
    await requestExternalRecordingImport({ id }, teacher)
    const worker = recordingsImportWorker({ ...getEnv(), DEFAULT_BBB_PATH: workerDirectory, EXTERNAL_VIDEO_ALLOWED_HOSTS: [allowed.host], EXTERNAL_VIDEO_ALLOWED_PORTS: [allowed.port] })
    const attempt = (attemptsMade: number) => caughtError(() => jobProcessor(worker)({ data: { externalRecordingId: id }, attemptsMade, opts: { attempts: 3 } } as unknown as Job))
    const stateOf = async () => (await db.externalRecording.findUniqueOrThrow({ where: { id } })).state
    expect((await attempt(0)).code).toBe("BBB_UNAVAILABLE")
    expect(await stateOf()).toBe("IMPORT_QUEUED")
    expect((await attempt(2)).code).toBe("BBB_UNAVAILABLE")
    expect(await stateOf()).toBe("IMPORT_FAILED")
  })

  it("refuses by the address rule, the port rule and the scheme, whatever the server", async () => {
    const policy = { ...getExternalVideoFetchPolicy(getEnv()), allowedHosts: [allowed.host], allowedPorts: [allowed.port, refused.port] }
    const reasonOf = async (url: string) => ((await caughtError(() => guardedFetch(url, policy))).details as { reason: string }).reason
    expect(await reasonOf(`${refused.url}/x.mp4`)).toBe("address")
    expect(await reasonOf(`http://localhost:${refused.port}/x.mp4`)).toBe("address")
    expect(await reasonOf(`${allowed.url}/to-refused.mp4`)).toBe("address")
    expect(await reasonOf(`http://127.0.0.1:1/x.mp4`)).toBe("port 1")
    expect(await reasonOf(`file:///etc/passwd`)).toBe("scheme")
    expect(await reasonOf(`${allowed.url}/page.mp4`)).toBe('content type "text/html"')
    const noRedirects = { ...policy, maxRedirects: 0 }
    const hops = await caughtError(() => guardedFetch(`${allowed.url}/to-refused.mp4`, noRedirects))
    expect((hops.details as { reason: string }).reason).toBe("too many redirects")
  })

  it("a host listed by name is resolved once and reached at the checked address", async () => {
    const policy = { ...getExternalVideoFetchPolicy(getEnv()), allowedHosts: [`localhost:${allowed.port}`], allowedPorts: [] }
    const before = allowed.requests.length
    const response = await guardedFetch(`http://localhost:${allowed.port}/video.mp4`, policy)
    expect(response.status).toBe(200)
    expect(Buffer.from(await new Response(Readable.toWeb(response.body) as ReadableStream).arrayBuffer())).toEqual(VIDEO)
    expect(allowed.requests.length).toBe(before + 1)
  })

  it("a download that outlasts the time cap is cut, and the body read fails", async () => {
    const policy = { ...getExternalVideoFetchPolicy(getEnv()), allowedHosts: [allowed.host], allowedPorts: [allowed.port], timeoutMs: 500 }
    const response = await guardedFetch(`${allowed.url}/stall.mp4`, policy)
    expect(response.status).toBe(200)
    await expect(new Response(Readable.toWeb(response.body) as ReadableStream).arrayBuffer()).rejects.toThrow()
  })
})
