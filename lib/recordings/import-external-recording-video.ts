// The import job: a video file (type VIDEO, or a BBB recording with a video playback) is streamed into
// DEFAULT_BBB_PATH/imports/<owner>/ and becomes a draft video of the owner; a BBB recording with only a
// presentation is marked for conversion. Re-running a finished import changes nothing.
import path from "node:path"
import { Readable } from "node:stream"
import type { ReadableStream as WebReadableStream } from "node:stream/web"

import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import type { RecordingImportJob } from "./import-jobs"
import { writeFileAtomically } from "./write-file-atomically"

const DOWNLOAD_TIMEOUT_MS = 30 * 60_000

export type ImportOutcome = "imported" | "conversion-queued" | "already-done"

/** The video file of a BBB playback URL (2.3 `/playback/presentation/2.3/<id>`, 2.0 `?meetingId=<id>`, or a video playback). */
export function bbbVideoFileUrl(sourceUrl: string): string | null {
  const url = new URL(sourceUrl)
  const recordID = url.searchParams.get("meetingId") ?? url.pathname.split("/").filter(Boolean).at(-1)
  if (!recordID || !/^[\w-]+$/.test(recordID)) return null
  return `${url.origin}/playback/video/${recordID}/video-0.m4v`
}

export async function importExternalRecordingVideo(job: RecordingImportJob, options: { importDirectory: string }): Promise<ImportOutcome> {
  const row = await db.externalRecording.findUnique({
    where: { id: job.externalRecordingId },
    select: { id: true, name: true, type: true, sourceUrl: true, state: true, ownerId: true },
  })
  if (!row) throw new AppError("NOT_FOUND", { message: `no external recording ${job.externalRecordingId}` })
  if (row.state !== "IMPORT_QUEUED") return "already-done"
  const fileUrl = row.type === "VIDEO" ? row.sourceUrl : row.type === "BIGBLUEBUTTON" ? bbbVideoFileUrl(row.sourceUrl) : null
  if (!fileUrl) throw new AppError("IMPORT_NOT_SUPPORTED", { message: `cannot import ${row.type} ${row.sourceUrl}` })

  let response: Response
  try {
    response = await fetch(fileUrl, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) })
  } catch (error) {
    throw new AppError("BBB_UNAVAILABLE", { message: `cannot download ${new URL(fileUrl).pathname}: ${(error as Error).message}`, cause: error })
  }
  if (response.status === 404 && row.type === "BIGBLUEBUTTON") {
    // presentation only: bbb-recorder converts it (the converter reads the playback from sourceUrl)
    await response.body?.cancel()
    await db.externalRecording.updateMany({ where: { id: row.id, state: "IMPORT_QUEUED" }, data: { state: "CONVERSION_QUEUED" } })
    return "conversion-queued"
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel()
    throw new AppError("BBB_UNAVAILABLE", { message: `cannot download ${new URL(fileUrl).pathname}: HTTP ${response.status}` })
  }
  const extension = path.extname(new URL(fileUrl).pathname).toLowerCase() || ".m4v"
  const file = path.resolve(options.importDirectory, String(row.ownerId), `external-${row.id}${extension}`)
  await writeFileAtomically(file, Readable.fromWeb(response.body as WebReadableStream<Uint8Array>))
  await db.$transaction(async (tx) => {
    const { count } = await tx.externalRecording.updateMany({ where: { id: row.id, state: "IMPORT_QUEUED" }, data: { state: "IMPORTED" } })
    if (count === 1) await tx.draftVideo.create({ data: { ownerId: row.ownerId, title: row.name, sourcePath: file } })
  })
  return "imported"
}
