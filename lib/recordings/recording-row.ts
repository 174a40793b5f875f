// What the migration keeps of one BBB recording: the CSV fields, the URL users import from, the video file.
import type { BbbRecording } from "@/lib/bbb/schemas"

export type MigrationRow = {
  recordID: string
  internalMeetingID: string
  meetingName: string
  recordingName: string
  /** ISO 8601 (UTC); null when BBB gave no readable start time. */
  startDate: string | null
  origin: string
  originServerName: string
  originVersion: string
  originContext: string
  originId: string
  originLabel: string
  description: string
  published: boolean
  state: string
  /** Where users watch or import it: the presentation playback (2.0 or 2.3 form), else the first playback. */
  sourceUrl: string
  /** The downloadable video file when the recording has a video playback (`<url>video-0.m4v`). */
  videoFileUrl: string | null
  hasPresentation: boolean
}

/** The original's presentation URL forms: BBB >= 2.3 `/playback/presentation/2.3/<id>`, older `2.0/playback.html?meetingId=<id>`. */
function presentationUrl(formatUrl: string, recordID: string, playbackUrl23: boolean): string {
  const origin = URL.canParse(formatUrl) ? new URL(formatUrl).origin : ""
  return playbackUrl23
    ? `${origin}/playback/presentation/2.3/${encodeURIComponent(recordID)}`
    : `${origin}/playback/presentation/2.0/playback.html?meetingId=${encodeURIComponent(recordID)}`
}

export function toMigrationRow(recording: BbbRecording, options: { playbackUrl23: boolean }): MigrationRow {
  const meta = recording.metadata
  const presentation = recording.playback.find((format) => format.type === "presentation")
  const video = recording.playback.find((format) => format.type === "video")
  const sourceUrl = presentation
    ? presentationUrl(presentation.url, recording.recordID, options.playbackUrl23)
    : (video?.url ?? recording.playback[0]?.url ?? "")
  return {
    recordID: recording.recordID,
    internalMeetingID: recording.internalMeetingID,
    meetingName: recording.name,
    recordingName: meta["bbb-recording-name"] || recording.name,
    startDate: recording.startTime === null ? null : new Date(recording.startTime).toISOString(),
    origin: meta["bbb-origin"] ?? "",
    originServerName: meta["bbb-origin-server-name"] ?? "",
    originVersion: meta["bbb-origin-version"] ?? "",
    originContext: meta["bbb-context"] ?? "",
    originId: meta["bbb-context-id"] ?? "",
    originLabel: meta["bbb-context-label"] ?? "",
    description: meta["bbb-recording-description"] ?? "",
    published: recording.published,
    state: recording.state ?? "",
    sourceUrl,
    videoFileUrl: video ? `${video.url.endsWith("/") ? video.url : `${video.url}/`}video-0.m4v` : null,
    hasPresentation: presentation !== undefined,
  }
}
