// The audience of one live: its samples (the curve), the moments it started, restarted and stopped,
// its figures and its chat transcript. A teacher sees their own lives only (ownLivesWhere), an admin
// every live; any other live is null, as if it did not exist (the page answers 404, not 403).
import { db } from "@/lib/db"
import type { LiveStatus } from "@/lib/generated/prisma/enums"
import type { RenditionCounts } from "@/lib/lives/track-live-viewer"

import { parseRenditions, renditionsInUse } from "./audience-renditions"
import { audienceStats, NO_AUDIENCE, type AudienceStats } from "./audience-stats"
import { ownLivesWhere } from "./list-my-lives"

export type AudienceViewer = { id: number; role: string }
/** Viewers per rendition their player reported ({ "360p": 3, audio: 1 }), null when none did. */
export type AudienceSample = { at: Date; viewers: number; signedIn: number; anonymous: number; distinctViewers: number; renditions: RenditionCounts | null }
export type AudienceMark = { at: Date; kind: "start" | "restart" | "stop" }
export type TranscriptLine = { sentAt: Date; authorName: string; body: string }

export type LiveAudience = {
  live: { id: number; meetingName: string; status: LiveStatus; failureReason: string | null; stopReason: string | null; requestedAt: Date; startedAt: Date | null; endedAt: Date | null }
  stats: AudienceStats & { chatMessages: number }
  samples: AudienceSample[]
  marks: AudienceMark[]
  /** Every rendition reported during the live, highest first, « Son seul » last (the CSV's columns). */
  renditions: string[]
  /** The renditions in use at the audience's peak: the busiest sample that has reports (the latest of equals). */
  renditionsAtPeak: AudienceSample | null
}

function liveWhere(liveId: number, viewer: AudienceViewer) {
  return viewer.role === "ADMIN" ? { id: liveId } : { AND: [{ id: liveId }, ownLivesWhere(viewer.id)] }
}

export async function getLiveAudience(liveId: number, viewer: AudienceViewer): Promise<LiveAudience | null> {
  const live = await db.live.findFirst({
    where: liveWhere(liveId, viewer),
    select: {
      id: true,
      status: true,
      stopReason: true,
      failureReason: true,
      requestedAt: true,
      startedAt: true,
      endedAt: true,
      streamerStartedAt: true,
      restartCount: true,
      meeting: { select: { name: true } },
      _count: { select: { chatMessages: true } },
    },
  })
  if (!live) return null
  const samples = await db.liveAudienceSample.findMany({
    where: { liveId },
    orderBy: { at: "asc" },
    select: { at: true, viewers: true, signedIn: true, anonymous: true, distinctViewers: true, renditions: true },
  })
  const withRenditions = samples.map((s) => ({ ...s, renditions: parseRenditions(s.renditions) }))
  const stats = (await audienceStats([liveId])).get(liveId) ?? NO_AUDIENCE
  const marks: AudienceMark[] = []
  if (live.startedAt) marks.push({ at: live.startedAt, kind: "start" })
  // The streamer's last (re)start, when it came after the first one: the agent restarted it.
  if (live.restartCount > 0 && live.streamerStartedAt && live.startedAt && live.streamerStartedAt > live.startedAt) marks.push({ at: live.streamerStartedAt, kind: "restart" })
  if (live.endedAt) marks.push({ at: live.endedAt, kind: "stop" })
  return {
    live: {
      id: live.id,
      meetingName: live.meeting.name,
      status: live.status,
      failureReason: live.failureReason,
      stopReason: live.stopReason,
      requestedAt: live.requestedAt,
      startedAt: live.startedAt,
      endedAt: live.endedAt,
    },
    stats: { ...stats, chatMessages: live._count.chatMessages },
    samples: withRenditions,
    marks,
    ...renditionsInUse(withRenditions),
  }
}

/** The chat transcript of a live the viewer may see (null otherwise), oldest first. */
export async function getLiveTranscript(liveId: number, viewer: AudienceViewer): Promise<TranscriptLine[] | null> {
  const live = await db.live.findFirst({ where: liveWhere(liveId, viewer), select: { id: true } })
  if (!live) return null
  return db.chatMessage.findMany({ where: { liveId }, orderBy: [{ sentAt: "asc" }, { id: "asc" }], select: { sentAt: true, authorName: true, body: true } })
}
