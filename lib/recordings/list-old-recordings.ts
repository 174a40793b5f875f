// Every recording of the old BBB / Scalelite, read page by page through our BBB client (or from the cache
// of the last answer with USE_CACHE), numbered 1..n in a stable order: newest first as in the original
// ("--max-value-record-process=2" = the two most recent), ties broken by record id.
import { readFile } from "node:fs/promises"

import { z } from "zod"

import type { BbbClient } from "@/lib/bbb/client"
import type { BbbRecording } from "@/lib/bbb/schemas"
import { AppError, isAppError } from "@/lib/errors"

import { writeFileAtomically } from "./write-file-atomically"

export type OldRecordings = { recordings: BbbRecording[]; unreadableRecordIDs: string[]; fromCache: boolean }

// The cache is our own file, but it is read back from disk: check its shape before trusting it.
const cacheSchema = z.object({
  apiUrl: z.string(),
  savedAt: z.string(),
  unreadableRecordIDs: z.array(z.string()),
  recordings: z.array(z.looseObject({ recordID: z.string(), metadata: z.record(z.string(), z.string()), playback: z.array(z.unknown()) })),
})

export async function listOldRecordings(options: {
  client: BbbClient
  cache: { use: boolean; file: string; write: boolean }
  onPage?: (readSoFar: number) => void
}): Promise<OldRecordings> {
  const { client, cache } = options
  if (cache.use) {
    const cached = await readCache(cache.file, client.apiUrl)
    if (cached) return { ...cached, recordings: sortRecordings(cached.recordings), fromCache: true }
  }
  const recordings: BbbRecording[] = []
  const unreadableRecordIDs: string[] = []
  try {
    // BBB's default states (published and unpublished): processing or deleted recordings have nothing to migrate
    for await (const page of client.iterateRecordings({}, { pageSize: 100 })) {
      recordings.push(...page.recordings)
      unreadableRecordIDs.push(...page.unreadableRecordIDs)
      options.onPage?.(recordings.length)
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError(isAppError(error) ? error.code : "BBB_UNAVAILABLE", {
      message: `getRecordings failed after ${recordings.length} recording(s) were read: ${reason}`,
      details: { readSoFar: recordings.length },
      cause: error,
    })
  }
  if (cache.write) {
    const body = { apiUrl: client.apiUrl, savedAt: new Date().toISOString(), unreadableRecordIDs, recordings }
    await writeFileAtomically(cache.file, JSON.stringify(body))
  }
  return { recordings: sortRecordings(recordings), unreadableRecordIDs, fromCache: false }
}

export function sortRecordings(recordings: BbbRecording[]): BbbRecording[] {
  return [...recordings].sort(
    (a, b) => (b.startTime ?? -Infinity) - (a.startTime ?? -Infinity) || (a.recordID < b.recordID ? -1 : a.recordID > b.recordID ? 1 : 0),
  )
}

async function readCache(file: string, apiUrl: string): Promise<{ recordings: BbbRecording[]; unreadableRecordIDs: string[] } | null> {
  let text: string
  try {
    text = await readFile(file, "utf8")
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null
    throw error
  }
  let parsed
  try {
    parsed = cacheSchema.safeParse(JSON.parse(text))
  } catch {
    parsed = null
  }
  if (!parsed?.success) throw new AppError("INVALID_INPUT", { message: `USE_CACHE: ${file} is not a cache written by this command; delete it` })
  if (parsed.data.apiUrl !== apiUrl) {
    throw new AppError("INVALID_INPUT", { message: `USE_CACHE: ${file} holds the recordings of ${parsed.data.apiUrl}, not ${apiUrl}; delete it` })
  }
  // Shape checked above; the rest was written by this command from validated BBB answers.
  return { recordings: parsed.data.recordings as unknown as BbbRecording[], unreadableRecordIDs: parsed.data.unreadableRecordIDs }
}
