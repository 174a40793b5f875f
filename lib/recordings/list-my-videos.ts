// « Mes vidéos »: the teacher's videos (imported, claimed, recorded lives), newest first, each with its
// origin, date, duration, size (null: the file is missing on disk) and sharing; and the external
// recordings not imported yet (the migration's, with « Importer »; those on their way, shown until they
// land: the page refreshes itself while any is pending; failed ones with their reason).
import { db } from "@/lib/db"

import { canRequestImport } from "./external-recording-import-rule"
import { videoFileSize } from "./video-files"

/** Import states that will still change by themselves. */
export const PENDING_IMPORT_STATES = ["IMPORT_QUEUED", "CONVERSION_QUEUED"] as const

export const VIDEO_SELECT = {
  id: true,
  title: true,
  origin: true,
  sharing: true,
  shareToken: true,
  durationSeconds: true,
  sizeBytes: true,
  sourcePath: true,
  createdAt: true,
  ownerId: true,
} as const

/**
 * Each row's size, or null when its file is not on disk (the row then says « Fichier introuvable »,
 * never a broken player): one stat per row, in parallel (a list holds at most 1000; on a local disk
 * that is milliseconds). The size shown is the one stored when the file was written, the stat's for
 * older rows without one.
 */
export async function withFileSizes<T extends { sourcePath: string; sizeBytes: bigint | null }>(rows: T[]): Promise<(Omit<T, "sourcePath" | "sizeBytes"> & { sizeBytes: number | null })[]> {
  return Promise.all(
    rows.map(async ({ sourcePath, sizeBytes, ...row }) => {
      const onDisk = await videoFileSize(sourcePath)
      return { ...row, sizeBytes: onDisk === null ? null : sizeBytes !== null ? Number(sizeBytes) : onDisk }
    }),
  )
}

export async function listMyVideos(owner: { id: number }) {
  const [videos, imports] = await Promise.all([
    db.draftVideo.findMany({ where: { ownerId: owner.id, deletedAt: null }, select: VIDEO_SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1000 }),
    db.externalRecording.findMany({
      where: { ownerId: owner.id, OR: [{ state: null }, { state: { not: "IMPORTED" } }] },
      select: { id: true, name: true, state: true, type: true, startAt: true },
      orderBy: [{ startAt: "desc" }, { id: "desc" }],
      take: 200,
    }),
  ])
  return {
    videos: await withFileSizes(videos),
    imports: imports.map(({ type, ...row }) => ({ ...row, canImport: canRequestImport({ type, state: row.state }) })),
    pending: imports.some((row) => (PENDING_IMPORT_STATES as readonly (string | null)[]).includes(row.state)),
  }
}
export type MyVideoView = Awaited<ReturnType<typeof listMyVideos>>["videos"][number]
export type MyImportView = Awaited<ReturnType<typeof listMyVideos>>["imports"][number]
