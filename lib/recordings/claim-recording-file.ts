// --use-manual-claim: a recording with a video playback is downloaded (streamed to disk, renamed into place
// only once complete) into the recorder's claim directory; a presentation-only one is recorded as
// converting and queued for bbb-recorder. File names carry the record id, so two recordings never share
// one, and a re-run finds its own files and rows instead of doing the work twice.
import { stat } from "node:fs/promises"
import path from "node:path"
import { Readable } from "node:stream"
import type { ReadableStream as WebReadableStream } from "node:stream/web"

import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { enqueueRecordingConversion } from "./jobs"
import type { MigrationRow } from "./recording-row"
import { writeFileAtomically } from "./write-file-atomically"

/** Generous: an old recording's video can be large; the connection must stay busy, not be fast. */
const DOWNLOAD_TIMEOUT_MS = 30 * 60_000

export type ClaimResult =
  | { action: "downloaded" | "would-download" | "already-claimed"; file: string }
  | { action: "queued" | "would-queue"; file: string }
  | { action: "no-playback" }

export function claimFileName(row: MigrationRow, extension: "m4v" | "webm"): string {
  const slug =
    (row.recordingName || row.meetingName)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "recording"
  const date = row.startDate ? row.startDate.slice(0, 10) : "undated"
  const id = row.recordID.replace(/[^A-Za-z0-9-]/g, "_").slice(0, 80)
  return `${slug}-${date}-${id}.${extension}`
}

export async function claimRecordingFile(input: {
  row: MigrationRow
  recorderId: string
  claimDirectory: string
  dry: boolean
}): Promise<ClaimResult> {
  const { row } = input
  if (!row.videoFileUrl && !row.hasPresentation) return { action: "no-playback" }
  const isVideo = row.videoFileUrl !== null
  const file = path.join(path.resolve(input.claimDirectory), claimFileName(row, isVideo ? "m4v" : "webm"))
  const existing = await db.claimableRecording.findUnique({ where: { sourceFile: file }, select: { id: true, status: true } })

  if (!isVideo) {
    if (input.dry) return { action: existing ? "already-claimed" : "would-queue", file }
    const record =
      existing ??
      (await db.claimableRecording.upsert({
        where: { sourceFile: file },
        create: { title: titleOf(row), recorder: input.recorderId, sourceFile: file, originRecordId: row.recordID, startAt: startOf(row), status: "CONVERTING" },
        update: {},
        select: { id: true, status: true },
      }))
    if (record.status !== "CONVERTING") return { action: "already-claimed", file }
    // re-queued on every run while converting: the job id derives from the row, so it is never doubled
    await enqueueRecordingConversion({ claimableRecordingId: record.id })
    return { action: existing ? "already-claimed" : "queued", file }
  }

  if (existing) return { action: "already-claimed", file }
  if (input.dry) return { action: "would-download", file }
  // A file already in place without its row: a previous run stopped between the two steps.
  if (!(await isNonEmptyFile(file))) await download(row.videoFileUrl!, file)
  await db.claimableRecording.upsert({
    where: { sourceFile: file },
    create: { title: titleOf(row), recorder: input.recorderId, sourceFile: file, originRecordId: row.recordID, startAt: startOf(row), status: "WAITING" },
    update: {},
  })
  return { action: "downloaded", file }
}

async function download(url: string, file: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) })
  } catch (error) {
    throw new AppError("BBB_UNAVAILABLE", { message: `cannot download ${new URL(url).pathname}: ${reasonOf(error)}`, cause: error })
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel()
    throw new AppError("BBB_UNAVAILABLE", { message: `cannot download ${new URL(url).pathname}: HTTP ${response.status}` })
  }
  try {
    await writeFileAtomically(file, Readable.fromWeb(response.body as WebReadableStream<Uint8Array>))
  } catch (error) {
    throw new AppError("BBB_UNAVAILABLE", { message: `download of ${new URL(url).pathname} broke off: ${reasonOf(error)}`, cause: error })
  }
}

async function isNonEmptyFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0
  } catch {
    return false
  }
}

function titleOf(row: MigrationRow): string {
  return row.recordingName || row.meetingName || row.recordID
}

function startOf(row: MigrationRow): Date | null {
  return row.startDate ? new Date(row.startDate) : null
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  if (typeof cause?.code === "string") return cause.code
  return error instanceof Error ? error.message : String(error)
}
