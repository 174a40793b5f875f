// "Mes vidéos externes" and the claim page's use cases, on the real database.
import { randomUUID } from "node:crypto"

import { describe, expect, it } from "vitest"
import { ZodError } from "zod"

import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { seedUser } from "@/prisma/seed/factories"

import { claimRecording } from "./claim-recording"
import { createExternalRecording } from "./create-external-recording"
import { deleteExternalRecording } from "./delete-external-recording"
import { listClaimableRecordings } from "./list-claimable-recordings"
import { listExternalRecordings } from "./list-external-recordings"
import { caughtError } from "@/vitest.helpers"

async function issues(action: () => Promise<unknown>): Promise<Record<string, string>> {
  const error = await caughtError(action)
  expect(error).toBeInstanceOf(ZodError)
  return Object.fromEntries((error as unknown as ZodError).issues.map((issue) => [issue.path.join("."), issue.message]))
}

describe("external recordings", () => {
  it("adds each type by a fitting URL, lists only the owner's, refuses duplicates, deletes only the owner's", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const other = await seedUser({ role: "TEACHER" })
    const id = randomUUID()
    for (const [type, sourceUrl] of [
      ["BIGBLUEBUTTON", `https://bbb.univ.example/playback/presentation/2.3/${id}`],
      ["PEERTUBE", `https://video.univ.example/w/${id}`],
      ["YOUTUBE", `https://www.youtube.com/watch?v=${id}`],
      ["VIDEO", `https://files.univ.example/${id}.mp4`],
    ] as const) {
      await createExternalRecording({ name: `Cours « ${type} »`, type, sourceUrl }, teacher)
    }
    const mine = await listExternalRecordings(teacher)
    expect(mine.map((row) => row.type).sort()).toEqual(["BIGBLUEBUTTON", "PEERTUBE", "VIDEO", "YOUTUBE"])
    expect(await listExternalRecordings(other)).toEqual([])

    const duplicate = await caughtError(() => createExternalRecording({ name: "Again", type: "VIDEO", sourceUrl: `https://files.univ.example/${id}.mp4` }, teacher))
    expect((duplicate as AppError).code).toBe("CONFLICT")

    const video = mine.find((row) => row.type === "VIDEO")!
    expect(((await caughtError(() => deleteExternalRecording({ id: video.id }, other))) as AppError).code).toBe("NOT_FOUND")
    await deleteExternalRecording({ id: String(video.id) }, teacher)
    expect((await listExternalRecordings(teacher)).map((row) => row.id)).not.toContain(video.id)
  })

  it("names each bad field with a translatable key", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    expect(await issues(() => createExternalRecording({ name: " ", type: "VIDEO", sourceUrl: "https://x.example/a.mp4" }, teacher))).toEqual({ name: "nameRequired" })
    expect(await issues(() => createExternalRecording({ name: "x".repeat(251), type: "VIDEO", sourceUrl: "https://x.example/a.mp4" }, teacher))).toEqual({ name: "nameTooLong" })
    expect(await issues(() => createExternalRecording({ name: "A", type: "VIDEO", sourceUrl: "javascript:alert(1)" }, teacher))).toEqual({ sourceUrl: "urlInvalid" })
    expect(await issues(() => createExternalRecording({ name: "A", type: "VIDEO", sourceUrl: "https://x.example/page.html" }, teacher))).toEqual({ sourceUrl: "urlNotVIDEO" })
    expect(await issues(() => createExternalRecording({ name: "A", type: "YOUTUBE", sourceUrl: "https://evil.example/watch?v=1" }, teacher))).toEqual({ sourceUrl: "urlNotYOUTUBE" })
    expect(await issues(() => createExternalRecording({ name: "A", type: "PEERTUBE", sourceUrl: "https://video.example/about" }, teacher))).toEqual({ sourceUrl: "urlNotPEERTUBE" })
    expect(await issues(() => createExternalRecording({ name: "A", type: "BIGBLUEBUTTON", sourceUrl: "https://bbb.example/" }, teacher))).toEqual({ sourceUrl: "urlNotBIGBLUEBUTTON" })
    expect(await issues(() => createExternalRecording({ name: "A", type: "DVD" as "VIDEO", sourceUrl: "https://x.example/a.mp4" }, teacher))).toEqual({ type: "typeInvalid" })
  })
})

describe("claiming a recording", () => {
  async function claimable(status: "WAITING" | "CONVERTING" = "WAITING") {
    return db.claimableRecording.create({
      data: { title: "Réunion; \"bilan\"", recorder: "1", sourceFile: `/tmp/claim-${randomUUID()}.m4v`, originRecordId: randomUUID(), startAt: new Date(), status },
    })
  }

  it("one claimant only, even when two click at once", async () => {
    const recording = await claimable()
    const [a, b] = [await seedUser({ role: "TEACHER" }), await seedUser({ role: "TEACHER" })]
    const results = await Promise.allSettled([claimRecording({ id: recording.id }, a), claimRecording({ id: recording.id }, b)])
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1)
    const lost = results.find((result) => result.status === "rejected") as PromiseRejectedResult
    expect((lost.reason as AppError).code).toBe("ALREADY_CLAIMED")
    const row = await db.claimableRecording.findUniqueOrThrow({ where: { id: recording.id } })
    expect(row.status).toBe("CLAIMED")
    expect([a.id, b.id]).toContain(row.claimedById)
    // the winner, and only the winner, has it as a draft video
    const drafts = await db.draftVideo.findMany({ where: { ownerId: { in: [a.id, b.id] } }, select: { ownerId: true, title: true, sourcePath: true } })
    expect(drafts).toEqual([{ ownerId: row.claimedById, title: recording.title, sourcePath: recording.sourceFile }])
    expect((await listClaimableRecordings()).map((item) => item.id)).not.toContain(recording.id)
  })

  it("a recording still converting cannot be claimed; an unknown one is not found", async () => {
    const converting = await claimable("CONVERTING")
    const teacher = await seedUser({ role: "TEACHER" })
    expect((await listClaimableRecordings()).find((item) => item.id === converting.id)?.status).toBe("CONVERTING")
    expect(((await caughtError(() => claimRecording({ id: converting.id }, teacher))) as AppError).code).toBe("CONFLICT")
    expect(((await caughtError(() => claimRecording({ id: 2_000_000_000 }, teacher))) as AppError).code).toBe("NOT_FOUND")
  })
})
