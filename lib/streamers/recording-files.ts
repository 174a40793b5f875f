// Recorded lives (domain flow 6): BigBlueButton-liveStreaming writes /video/meeting-YYYYmmddHHMMSS.mkv
// in the container's local time (TZ). When a live stops, only the file of *this* live is published —
// the one whose name falls in the live's time window — never "the newest file in the folder", which
// could be a stale one of an earlier live (the original's defect).
import { copyFile, mkdir, readdir, rename, rm, stat } from "node:fs/promises"
import path from "node:path"

const NAME = /^meeting-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.mkv$/

function parts(date: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]))
}

/** The name the streamer gives a recording started at `date`, in its local time zone. */
export function recordingFileName(date: Date, timeZone: string): string {
  const p = parts(date, timeZone)
  return `meeting-${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}.mkv`
}

/** The instant a recording's name stands for (local time of `timeZone`), or null for other names. */
export function recordingStartOf(fileName: string, timeZone: string): Date | null {
  const m = NAME.exec(fileName)
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[]
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)
  // Shift by the zone's offset at that moment (twice, to settle across a DST change).
  let guess = asUtc
  for (let i = 0; i < 2; i += 1) {
    const p = parts(new Date(guess), timeZone)
    const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
    guess += asUtc - shown
  }
  return new Date(guess)
}

/**
 * The recording of a live that streamed between `from` and `to`: the earliest file starting in that
 * window (a small slack before `from` for the container's own start-up clock). Null when none.
 */
export function pickRecordingFile(fileNames: string[], window: { from: Date; to: Date }, timeZone: string, slackMs = 5_000): string | null {
  const candidates = fileNames
    .map((name) => ({ name, at: recordingStartOf(name, timeZone) }))
    .filter((f): f is { name: string; at: Date } => f.at !== null && f.at.getTime() >= window.from.getTime() - slackMs && f.at.getTime() <= window.to.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())
  return candidates[0]?.name ?? null
}

/** Moves a file, across file systems when needed (NFS share), without leaving a partial destination. */
export async function moveFile(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true })
  try {
    await rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error
    const tmp = `${to}.part`
    await copyFile(from, tmp)
    await rename(tmp, to)
    await rm(from)
  }
}

/** Where a live's recording is published: `<internalMeetingId>.mkv`, or with the live id when that name is taken. */
export function publishedRecordingPaths(targetDir: string, internalMeetingId: string, liveId: number): { plain: string; suffixed: string } {
  const safeId = internalMeetingId.replace(/[^A-Za-z0-9._-]/g, "_")
  return { plain: path.resolve(targetDir, `${safeId}.mkv`), suffixed: path.resolve(targetDir, `${safeId}-${liveId}.mkv`) }
}

/**
 * Publishes the recording of a stopped live: picks its file in `dir` and moves it to
 * `<targetDir>/<internalMeetingId>.mkv` (suffixed with the live id if that name is taken).
 * Returns the destination and its size in bytes, or null when the live left no file.
 */
export async function collectRecording(options: {
  dir: string
  targetDir: string
  internalMeetingId: string
  liveId: number
  window: { from: Date; to: Date }
  timeZone: string
}): Promise<{ path: string; sizeBytes: number } | null> {
  const names = await readdir(options.dir).catch(() => [] as string[])
  const chosen = pickRecordingFile(names, options.window, options.timeZone)
  if (!chosen) return null
  const { plain, suffixed } = publishedRecordingPaths(options.targetDir, options.internalMeetingId, options.liveId)
  const target = (await stat(plain).then(() => true, () => false)) ? suffixed : plain
  await moveFile(path.join(options.dir, chosen), target)
  return { path: target, sizeBytes: (await stat(target)).size }
}
