// The import job: a video file (type VIDEO, or a BBB recording with a video playback) is streamed into
// DEFAULT_BBB_PATH/imports/<owner>/ and becomes a draft video of the owner; a BBB recording with only a
// presentation is marked for conversion. Re-running a finished import changes nothing.
// The URL is the teacher's: it is fetched only through the guarded fetch, and any refusal (address,
// port, redirect, type, size) ends as IMPORT_REFUSED, one neutral state that says nothing of the reason.
import path from "node:path"

import { db } from "@/lib/db"
import { AppError, isAppError } from "@/lib/errors"
import { logger } from "@/lib/logger"
import { type GuardedFetchPolicy, type GuardedResponse, guardedFetch } from "@/lib/net/guarded-fetch"

import type { RecordingImportJob } from "./import-jobs"
import { writeFileAtomically } from "./write-file-atomically"

export type ImportOutcome = "imported" | "conversion-queued" | "already-done" | "refused" | "no-space"

/** The video file of a BBB playback URL (2.3 `/playback/presentation/2.3/<id>`, 2.0 `?meetingId=<id>`, or a video playback). */
export function bbbVideoFileUrl(sourceUrl: string): string | null {
  const url = new URL(sourceUrl)
  const recordID = url.searchParams.get("meetingId") ?? url.pathname.split("/").filter(Boolean).at(-1)
  if (!recordID || !/^[\w-]+$/.test(recordID)) return null
  return `${url.origin}/playback/video/${recordID}/video-0.m4v`
}

export async function importExternalRecordingVideo(
  job: RecordingImportJob,
  options: { importDirectory: string; fetchPolicy: GuardedFetchPolicy },
): Promise<ImportOutcome> {
  const row = await db.externalRecording.findUnique({
    where: { id: job.externalRecordingId },
    select: { id: true, name: true, type: true, sourceUrl: true, state: true, ownerId: true },
  })
  if (!row) throw new AppError("NOT_FOUND", { message: `no external recording ${job.externalRecordingId}` })
  if (row.state !== "IMPORT_QUEUED") return "already-done"
  const fileUrl = row.type === "VIDEO" ? row.sourceUrl : row.type === "BIGBLUEBUTTON" ? bbbVideoFileUrl(row.sourceUrl) : null
  if (!fileUrl) throw new AppError("IMPORT_NOT_SUPPORTED", { message: `cannot import ${row.type} ${row.sourceUrl}` })

  try {
    let response: GuardedResponse
    try {
      response = await guardedFetch(fileUrl, options.fetchPolicy)
    } catch (error) {
      if (isAppError(error)) throw error
      throw new AppError("BBB_UNAVAILABLE", { message: `cannot download ${new URL(fileUrl).pathname}: ${(error as Error).message}`, cause: error })
    }
    if (response.status === 404 && row.type === "BIGBLUEBUTTON") {
      // presentation only: bbb-recorder converts it (the converter reads the playback from sourceUrl)
      response.body.destroy()
      await db.externalRecording.updateMany({ where: { id: row.id, state: "IMPORT_QUEUED" }, data: { state: "CONVERSION_QUEUED" } })
      return "conversion-queued"
    }
    if (response.status < 200 || response.status >= 300) {
      response.body.destroy()
      throw new AppError("BBB_UNAVAILABLE", { message: `cannot download ${new URL(fileUrl).pathname}: HTTP ${response.status}` })
    }
    const extension = path.extname(new URL(fileUrl).pathname).toLowerCase() || ".m4v"
    const file = path.resolve(options.importDirectory, String(row.ownerId), `external-${row.id}${extension}`)
    let sizeBytes: number
    try {
      sizeBytes = await writeFileAtomically(file, response.body)
    } catch (error) {
      // A full disk will not heal by retrying: this import fails with its reason (writeFileAtomically
      // already removed its partial file); the teacher may ask again once there is room.
      if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error
      logger.error({ externalRecordingId: row.id, file }, "external video import failed: no space left on the disk")
      await db.externalRecording.updateMany({ where: { id: row.id, state: "IMPORT_QUEUED" }, data: { state: "IMPORT_NO_SPACE" } })
      return "no-space"
    }
    await db.$transaction(async (tx) => {
      const { count } = await tx.externalRecording.updateMany({ where: { id: row.id, state: "IMPORT_QUEUED" }, data: { state: "IMPORTED" } })
      if (count === 1) await tx.draftVideo.create({ data: { ownerId: row.ownerId, title: row.name, sourcePath: file, sizeBytes } })
    })
  } catch (error) {
    if (!isAppError(error) || error.code !== "URL_REFUSED") throw error
    logger.warn({ externalRecordingId: row.id, ownerId: row.ownerId, ...error.details }, "external video import refused")
    await db.externalRecording.updateMany({ where: { id: row.id, state: "IMPORT_QUEUED" }, data: { state: "IMPORT_REFUSED" } })
    return "refused"
  }
  return "imported"
}
