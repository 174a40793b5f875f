// The CSV exports of a live's audience: its samples and its chat transcript, through the one CSV
// writer (lib/lists/csv.ts: formulas neutralised). null: not a live the viewer may see (404).
import { renderCsv } from "@/lib/lists/csv"

import { getLiveAudience, getLiveTranscript, type AudienceViewer } from "./get-live-audience"

export async function exportAudienceSamplesCsv(liveId: number, viewer: AudienceViewer): Promise<string | null> {
  const audience = await getLiveAudience(liveId, viewer)
  if (!audience) return null
  // One column per rendition reported during the live (`rendition_360p`, `rendition_audio`…): its
  // viewers at each sample, 0 when none, empty when no player reported anything at that sample.
  const renditions = audience.renditions
  return renderCsv(
    ["time", "viewers", "signed_in", "anonymous", "distinct_viewers", ...renditions.map((r) => `rendition_${r}`)],
    audience.samples.map((s) => [s.at, s.viewers, s.signedIn, s.anonymous, s.distinctViewers, ...renditions.map((r) => (s.renditions ? (s.renditions[r] ?? 0) : null))]),
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
