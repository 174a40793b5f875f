// The CSV exports of a live's audience: its samples and its chat transcript, through the one CSV
// writer (lib/lists/csv.ts: formulas neutralised). null: not a live the viewer may see (404).
import { renderCsv } from "@/lib/lists/csv"

import { getLiveAudience, getLiveTranscript, type AudienceViewer } from "./get-live-audience"

export async function exportAudienceSamplesCsv(liveId: number, viewer: AudienceViewer): Promise<string | null> {
  const audience = await getLiveAudience(liveId, viewer)
  if (!audience) return null
  return renderCsv(
    ["time", "viewers", "signed_in", "anonymous", "distinct_viewers"],
    audience.samples.map((s) => [s.at, s.viewers, s.signedIn, s.anonymous, s.distinctViewers]),
  )
}

export async function exportTranscriptCsv(liveId: number, viewer: AudienceViewer): Promise<string | null> {
  const lines = await getLiveTranscript(liveId, viewer)
  if (!lines) return null
  return renderCsv(
    ["time", "author", "message"],
    lines.map((l) => [l.sentAt, l.authorName, l.body]),
  )
}
