// An import that meets a full disk (ENOSPC) fails at once with its reason (IMPORT_NO_SPACE, shown on
// « Mes vidéos ») instead of being retried, and leaves no video; the teacher may ask again later.
// writeFileAtomically (which removes its partial file on any failure) is made to hit ENOSPC here.
import { randomUUID } from "node:crypto"

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { seedUser } from "@/prisma/seed/factories"
import { type BbbSimulator, startBbbSimulator } from "@/tools/bbb-simulator/server"

import { getExternalVideoFetchPolicy } from "./external-video-fetch-policy"
import { importExternalRecordingVideo } from "./import-external-recording-video"
import { listExternalRecordings } from "./list-external-recordings"
import { listMyVideos } from "./list-my-videos"

vi.mock("./write-file-atomically", () => ({
  writeFileAtomically: async (_target: string, content: NodeJS.ReadableStream) => {
    for await (const chunk of content) void chunk
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })
  },
}))

let sim: BbbSimulator
beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: "disk-full-secret" })
})
afterAll(() => sim.close())

describe("importing on a full disk", () => {
  it("fails that import with its reason, creates no video, and lets the teacher ask again", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const recording = sim.state.addRecording({ meetingID: `m-${randomUUID()}`, formats: ["presentation", "video"] })
    const row = await db.externalRecording.create({
      data: { name: "Trop gros", startAt: new Date(), ownerId: teacher.id, type: "BIGBLUEBUTTON", sourceUrl: `${sim.url}/playback/presentation/2.3/${recording.recordID}`, state: "IMPORT_QUEUED" },
    })
    const fetchPolicy = getExternalVideoFetchPolicy({ ...getEnv(), EXTERNAL_VIDEO_ALLOWED_HOSTS: [new URL(sim.url).host] })
    expect(await importExternalRecordingVideo({ externalRecordingId: row.id }, { importDirectory: "/nonexistent-imports", fetchPolicy })).toBe("no-space")
    expect((await db.externalRecording.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("IMPORT_NO_SPACE")
    const mine = await listMyVideos(teacher)
    expect(mine.videos).toEqual([])
    expect(mine).toMatchObject({ pending: false, imports: [{ id: row.id, state: "IMPORT_NO_SPACE" }] })
    expect((await listExternalRecordings(teacher))[0]?.canImport).toBe(true)
  })
})
