// "Importer" in Mes vidéos externes: request (guarded, queued) and the import job, against the simulator.
// The teacher's URL goes through the guarded fetch: the simulator (loopback) is on the allow-list, as an
// admin would list the university's PeerTube. Refusals: workers/recordings-import.integration.test.ts.
import { randomUUID } from "node:crypto"
import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"

import { Queue } from "bullmq"
import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { queuePrefix } from "@/lib/redis-keys"
import { seedUser } from "@/prisma/seed/factories"
import { type BbbSimulator, startBbbSimulator } from "@/tools/bbb-simulator/server"

import { createExternalRecording } from "./create-external-recording"
import { getExternalVideoFetchPolicy } from "./external-video-fetch-policy"
import { importExternalRecordingVideo } from "./import-external-recording-video"
import { listExternalRecordings } from "./list-external-recordings"
import { RECORDINGS_IMPORT_QUEUE, recordingImportJobId } from "./import-jobs"
import { markExternalRecordingImportFailed } from "./mark-external-recording-import-failed"
import { requestExternalRecordingImport } from "./request-external-recording-import"
import { caughtError } from "@/vitest.helpers"

let sim: BbbSimulator
let redis: Redis
let importDirectory: string
let fetchPolicy: ReturnType<typeof getExternalVideoFetchPolicy>
beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: "import-secret" })
  redis = new Redis(getEnv().REDIS_URL, { maxRetriesPerRequest: 1 })
  importDirectory = await mkdtemp(path.join(tmpdir(), "imports-"))
  fetchPolicy = getExternalVideoFetchPolicy({ ...getEnv(), EXTERNAL_VIDEO_ALLOWED_HOSTS: [new URL(sim.url).host] })
})
afterAll(async () => {
  await sim.close()
  redis.disconnect()
  await rm(importDirectory, { recursive: true, force: true })
})

describe("importing an external recording", () => {
  it("a BBB recording with a video playback becomes a draft video; a second request is refused", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const recording = sim.state.addRecording({ meetingID: `m-${randomUUID()}`, name: "Séance vidéo", formats: ["presentation", "video"] })
    const { id } = await createExternalRecording({ name: "Séance vidéo", type: "BIGBLUEBUTTON", sourceUrl: `${sim.url}/playback/presentation/2.3/${recording.recordID}` }, teacher)

    await requestExternalRecordingImport({ id }, teacher)
    const queue = new Queue(RECORDINGS_IMPORT_QUEUE, { connection: redis, prefix: queuePrefix() })
    try {
      expect((await queue.getJob(recordingImportJobId({ externalRecordingId: id })))?.data).toEqual({ externalRecordingId: id })
    } finally {
      await queue.close()
    }
    expect(await importExternalRecordingVideo({ externalRecordingId: id }, { importDirectory, fetchPolicy })).toBe("imported")
    expect(await importExternalRecordingVideo({ externalRecordingId: id }, { importDirectory, fetchPolicy })).toBe("already-done")
    const draft = await db.draftVideo.findFirstOrThrow({ where: { ownerId: teacher.id } })
    expect(draft.title).toBe("Séance vidéo")
    expect(await readFile(draft.sourcePath)).toEqual(sim.state.getPlaybackVideo(recording.recordID))
    expect(Number(draft.sizeBytes)).toBe(sim.state.getPlaybackVideo(recording.recordID)!.length) // stored: lists never read the disk
    expect(await db.draftVideo.count({ where: { ownerId: teacher.id } })).toBe(1)
    expect((await db.externalRecording.findUniqueOrThrow({ where: { id } })).state).toBe("IMPORTED")
    expect((await caughtError(() => requestExternalRecordingImport({ id }, teacher))).code).toBe("CONFLICT")
  })

  it("a presentation-only recording is queued for conversion", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const recording = sim.state.addRecording({ meetingID: `m-${randomUUID()}`, formats: ["presentation"] })
    const { id } = await createExternalRecording({ name: "Diapos", type: "BIGBLUEBUTTON", sourceUrl: `${sim.url}/playback/presentation/2.3/${recording.recordID}` }, teacher)
    await requestExternalRecordingImport({ id }, teacher)
    expect(await importExternalRecordingVideo({ externalRecordingId: id }, { importDirectory, fetchPolicy })).toBe("conversion-queued")
    expect((await db.externalRecording.findUniqueOrThrow({ where: { id } })).state).toBe("CONVERSION_QUEUED")
    expect(await db.draftVideo.count({ where: { ownerId: teacher.id } })).toBe(0)
  })

  it("refuses another teacher's recording, a YouTube video, and reports a broken server; a failed import can be retried", async () => {
    const [teacher, other] = [await seedUser({ role: "TEACHER" }), await seedUser({ role: "TEACHER" })]
    const video = await createExternalRecording({ name: "Fichier", type: "VIDEO", sourceUrl: `${sim.url}/files/${randomUUID()}.mp4` }, teacher)
    const youtube = await createExternalRecording({ name: "YT", type: "YOUTUBE", sourceUrl: `https://www.youtube.com/watch?v=${randomUUID()}` }, teacher)
    expect((await caughtError(() => requestExternalRecordingImport({ id: video.id }, other))).code).toBe("NOT_FOUND")
    expect((await caughtError(() => requestExternalRecordingImport({ id: youtube.id }, teacher))).code).toBe("IMPORT_NOT_SUPPORTED")

    await requestExternalRecordingImport({ id: video.id }, teacher)
    const broken = await caughtError(() => importExternalRecordingVideo({ externalRecordingId: video.id }, { importDirectory, fetchPolicy }))
    expect(broken.code).toBe("BBB_UNAVAILABLE")
    expect(broken.message).toContain("HTTP 404")
    await markExternalRecordingImportFailed({ externalRecordingId: video.id })
    expect((await db.externalRecording.findUniqueOrThrow({ where: { id: video.id } })).state).toBe("IMPORT_FAILED")
    await requestExternalRecordingImport({ id: video.id }, teacher)
    expect((await db.externalRecording.findUniqueOrThrow({ where: { id: video.id } })).state).toBe("IMPORT_QUEUED")
  })

  it("the list offers « Importer » exactly where the request accepts it, a row still queued included (Redis was down)", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const states = [null, "IMPORT_QUEUED", "IMPORT_FAILED", "IMPORT_REFUSED", "IMPORTED", "CONVERSION_QUEUED"] as const
    const rows: { id: number; type: string; state: string | null }[] = []
    for (const type of ["VIDEO", "BIGBLUEBUTTON", "YOUTUBE"] as const) {
      for (const state of states) {
        const sourceUrl = {
          YOUTUBE: `https://www.youtube.com/watch?v=${randomUUID()}`,
          BIGBLUEBUTTON: `${sim.url}/playback/presentation/2.3/${randomUUID()}`,
          VIDEO: `${sim.url}/files/${randomUUID()}.mp4`,
        }[type]
        const { id } = await createExternalRecording({ name: `${type} ${state}`, type, sourceUrl }, teacher)
        await db.externalRecording.update({ where: { id }, data: { state } })
        rows.push({ id, type, state })
      }
    }
    const listed = new Map((await listExternalRecordings(teacher)).map((r) => [r.id, r.canImport]))
    const offered = rows.filter((r) => listed.get(r.id)).map((r) => `${r.type} ${r.state}`)
    expect(offered).toEqual([
      "VIDEO null",
      "VIDEO IMPORT_QUEUED",
      "VIDEO IMPORT_FAILED",
      "VIDEO IMPORT_REFUSED",
      "BIGBLUEBUTTON null",
      "BIGBLUEBUTTON IMPORT_QUEUED",
      "BIGBLUEBUTTON IMPORT_FAILED",
      "BIGBLUEBUTTON IMPORT_REFUSED",
    ])
    const accepted: string[] = []
    for (const row of rows) {
      const error = await requestExternalRecordingImport({ id: row.id }, teacher).then(
        () => null,
        (e: unknown) => e,
      )
      if (error === null) accepted.push(`${row.type} ${row.state}`)
    }
    expect(accepted).toEqual(offered)
  })
})
