// « Mes vidéos » and the admin's videos, on the real database and real files under DEFAULT_BBB_PATH.
import { randomUUID } from "node:crypto"
import { mkdir, rm, stat, writeFile } from "node:fs/promises"
import path from "node:path"

import { afterAll, describe, expect, it } from "vitest"
import { ZodError } from "zod"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { AppError } from "@/lib/errors"
import { seedUser } from "@/prisma/seed/factories"
import { caughtError } from "@/vitest.helpers"

import { claimRecording } from "./claim-recording"
import { deleteVideo } from "./delete-video"
import { findWatchableVideo } from "./find-watchable-video"
import { listAllVideos } from "./list-all-videos"
import { listMyVideos } from "./list-my-videos"
import { locateVideoFile } from "./locate-video-file"
import { reassignVideo } from "./reassign-video"
import { renameVideo } from "./rename-video"
import { setVideoSharing } from "./set-video-sharing"

const dir = path.resolve(getEnv().DEFAULT_BBB_PATH, "my-videos-test", randomUUID())
afterAll(() => rm(dir, { recursive: true, force: true }))

async function seedVideo(ownerId: number, options: { withFile?: boolean; title?: string } = {}) {
  const file = path.join(dir, `${randomUUID()}.mp4`)
  if (options.withFile !== false) {
    await mkdir(dir, { recursive: true })
    await writeFile(file, Buffer.alloc(2048, 1))
  }
  return db.draftVideo.create({ data: { ownerId, title: options.title ?? "Cours", sourcePath: file }, select: { id: true, shareToken: true, sourcePath: true } })
}

const code = async (action: () => Promise<unknown>) => ((await caughtError(action)) as AppError).code

describe("« Mes vidéos »", () => {
  it("lists the owner's videos newest first with their size, or a missing file as null; pending imports make the page refresh", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const older = await seedVideo(teacher.id, { title: "Ancienne" })
    const missing = await seedVideo(teacher.id, { withFile: false, title: "Sans fichier" })
    await seedVideo((await seedUser({ role: "TEACHER" })).id)
    await db.externalRecording.create({ data: { name: "En route", startAt: new Date(), ownerId: teacher.id, type: "VIDEO", sourceUrl: `https://x.example/${randomUUID()}.mp4`, state: "IMPORT_QUEUED" } })
    const mine = await listMyVideos(teacher)
    expect(mine.videos.map((v) => [v.id, v.sizeBytes])).toEqual([
      [missing.id, null],
      [older.id, 2048],
    ])
    expect(mine.pending).toBe(true)
    expect(mine.imports.map((row) => row.state)).toEqual(["IMPORT_QUEUED"])
    expect(await code(() => locateVideoFile(missing.shareToken, { id: teacher.id, role: "TEACHER" }))).toBe("NOT_FOUND")
  })

  it("admits viewers by sharing: private to owner and admins, signed-in to any account, link to anyone; 404 otherwise", async () => {
    const owner = await seedUser({ role: "TEACHER" })
    const student = { id: (await seedUser()).id, role: "STUDENT" as const }
    const otherTeacher = { id: (await seedUser({ role: "TEACHER" })).id, role: "TEACHER" as const }
    const admin = { id: (await seedUser({ role: "ADMIN" })).id, role: "ADMIN" as const }
    const video = await seedVideo(owner.id)
    const me = { id: owner.id, role: "TEACHER" as const }

    const file = await locateVideoFile(video.shareToken, me)
    expect(file.internalPath).toMatch(/^\/_bbb_pod_live_files\/recordings\/my-videos-test\/.+\.mp4$/)
    expect(file.contentType).toBe("video/mp4")
    expect(await code(() => findWatchableVideo(video.shareToken, null))).toBe("NOT_FOUND")
    expect(await code(() => findWatchableVideo(video.shareToken, student))).toBe("NOT_FOUND")
    expect(await code(() => findWatchableVideo(video.shareToken, otherTeacher))).toBe("NOT_FOUND")
    expect((await findWatchableVideo(video.shareToken, admin)).removed).toBe(false)
    expect(await code(() => findWatchableVideo("not-a-token", me))).toBe("NOT_FOUND")

    expect(await code(() => setVideoSharing({ id: video.id, sharing: "LINK" }, otherTeacher))).toBe("NOT_FOUND")
    await setVideoSharing({ id: video.id, sharing: "SIGNED_IN" }, me)
    expect(await code(() => findWatchableVideo(video.shareToken, null))).toBe("NOT_FOUND")
    const seen = await findWatchableVideo(video.shareToken, student)
    expect(seen.removed === false && seen.video.canManage).toBe(false)
    await setVideoSharing({ id: video.id, sharing: "LINK" }, me)
    expect((await findWatchableVideo(video.shareToken, null)).removed).toBe(false)
    expect(await locateVideoFile(video.shareToken, null)).toMatchObject({ internalPath: file.internalPath })
  })

  it("renames and deletes only the owner's (or an admin's) video; deletion removes the file and the link then says removed", async () => {
    const owner = await seedUser({ role: "TEACHER" })
    const me = { id: owner.id, role: "TEACHER" as const }
    const other = { id: (await seedUser({ role: "TEACHER" })).id, role: "TEACHER" as const }
    const video = await seedVideo(owner.id)
    expect(await code(() => renameVideo({ id: video.id, title: "Volé" }, other))).toBe("NOT_FOUND")
    await renameVideo({ id: String(video.id), title: "  Cours d'algèbre  " }, me)
    expect((await db.draftVideo.findUniqueOrThrow({ where: { id: video.id } })).title).toBe("Cours d'algèbre")
    const titleError = await caughtError(() => renameVideo({ id: video.id, title: " " }, me))
    expect((titleError as unknown as ZodError).issues.map((i) => i.message)).toEqual(["titleRequired"])
    expect(await code(() => deleteVideo({ id: video.id }, other))).toBe("NOT_FOUND")

    await setVideoSharing({ id: video.id, sharing: "LINK" }, me)
    expect(await deleteVideo({ id: video.id }, me)).toEqual({ title: "Cours d'algèbre" })
    await expect(stat(video.sourcePath)).rejects.toThrow()
    expect(await findWatchableVideo(video.shareToken, null)).toEqual({ removed: true })
    expect(await code(() => locateVideoFile(video.shareToken, null))).toBe("NOT_FOUND")
    expect((await listMyVideos(owner)).videos).toEqual([])
    expect(await code(() => deleteVideo({ id: video.id }, me))).toBe("NOT_FOUND")
  })

  it("a claimed recording becomes a CLAIM video of the claimant", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    await mkdir(dir, { recursive: true })
    const file = path.join(dir, `${randomUUID()}.m4v`)
    await writeFile(file, Buffer.alloc(3000, 2))
    const recording = await db.claimableRecording.create({ data: { title: "Réclamée", recorder: "1", sourceFile: file } })
    const { shareToken } = await claimRecording({ id: recording.id }, teacher)
    const [video] = (await listMyVideos(teacher)).videos
    expect(video).toMatchObject({ origin: "CLAIM", title: "Réclamée", shareToken, sizeBytes: 3000 })
    expect(await db.draftVideo.findUniqueOrThrow({ where: { shareToken }, select: { sizeBytes: true } })).toEqual({ sizeBytes: 3000n })
  })

  it("lists the size stored when the file was written without reading the disk; the video's page and file route still check it", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const me = { id: teacher.id, role: "TEACHER" as const }
    const video = await seedVideo(teacher.id)
    await db.draftVideo.update({ where: { id: video.id }, data: { sizeBytes: 5_000_000_000n } }) // beyond 32 bits: a long lossless recording
    expect((await listMyVideos(teacher)).videos.map((v) => v.sizeBytes)).toEqual([5_000_000_000])
    // Removed behind the app's back: the list and the page say missing (no size), the route 404s.
    await rm(video.sourcePath)
    expect((await listMyVideos(teacher)).videos.map((v) => v.sizeBytes)).toEqual([null])
    const page = await findWatchableVideo(video.shareToken, me)
    expect(page.removed === false && page.video.sizeBytes).toBeNull()
    expect(await code(() => locateVideoFile(video.shareToken, me))).toBe("NOT_FOUND")
  })
})

describe("admin videos", () => {
  it("lists every video with its owner and gives one to another teacher, audited; refuses students and unknown accounts", async () => {
    const adminUser = await seedUser({ role: "ADMIN" })
    const fallback = await seedUser({ role: "ADMIN" })
    const teacher = await seedUser({ role: "TEACHER" })
    const student = await seedUser()
    const video = await seedVideo(fallback.id, { title: "Migrée" })
    expect((await listAllVideos()).find((v) => v.id === video.id)?.owner.username).toBe(fallback.username)

    for (const owner of [student.username, "nobody-at-all", " "]) {
      const error = await caughtError(() => reassignVideo({ id: video.id, owner }, adminUser))
      expect(error instanceof ZodError || (error as AppError).code === "INVALID_INPUT").toBe(true)
    }
    expect(await code(() => reassignVideo({ id: 999_999_999, owner: teacher.username }, adminUser))).toBe("NOT_FOUND")
    expect(await reassignVideo({ id: video.id, owner: teacher.email.toUpperCase() }, adminUser)).toEqual({ title: "Migrée", ownerName: `${teacher.firstName} ${teacher.lastName}` })
    expect((await listMyVideos(teacher)).videos.map((v) => v.id)).toEqual([video.id])
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityType: "video", entityId: String(video.id) } })
    expect(entry).toMatchObject({ action: "video.reassign", actorId: adminUser.id, before: { ownerId: fallback.id }, after: { ownerId: teacher.id, owner: teacher.username } })
  })
})
