// The agent's half of domain flow 6, for one live of its server that must end (status STOPPING):
// stop the streamer, publish this live's recording (a draft video owned by the requester), remove the
// broadcaster, free the slot, STOPPED with its end date (releaseLive). Idempotent: the tick retries what
// failed, and a retry after the file was moved still publishes it.
import { stat } from "node:fs/promises"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { releaseLive } from "@/lib/lives/release-live"
import { logger } from "@/lib/logger"

import { recordingsDir, type StreamerDriver } from "./driver"
import { findLiveOnSlot, slotRef } from "./live-on-slot"
import { collectRecording, publishedRecordingPaths } from "./recording-files"
import type { LiveNoticePoster } from "./start-streamer"

/**
 * The file an earlier attempt of this stop already moved (the agent died between the move and the
 * database write): the live-suffixed name is this live's; the plain name is when no other live or
 * video holds it.
 */
async function alreadyPublished(targetDir: string, internalMeetingId: string, liveId: number): Promise<{ path: string; sizeBytes: number } | null> {
  const { plain, suffixed } = publishedRecordingPaths(targetDir, internalMeetingId, liveId)
  for (const candidate of [suffixed, plain]) {
    const size = await stat(candidate).then((s) => s.size, () => null)
    if (size === null) continue
    if (candidate === plain) {
      const [lives, videos] = await Promise.all([
        db.live.count({ where: { recordingPath: plain, id: { not: liveId } } }),
        db.draftVideo.count({ where: { sourcePath: plain, OR: [{ liveId: null }, { liveId: { not: liveId } }] } }),
      ])
      if (lives + videos > 0) continue
    }
    return { path: candidate, sizeBytes: size }
  }
  return null
}

export async function stopStreamer(input: { liveId: number; serverNumber: number; driver: StreamerDriver; notice?: LiveNoticePoster }): Promise<"stopped" | "not-mine" | "not-stopping"> {
  const live = await findLiveOnSlot(input.liveId)
  if (!live) return "not-mine"
  if (live.status !== "STOPPING") return "not-stopping"
  if (live.slot && live.slot.serverNumber !== input.serverNumber) return "not-mine"
  const env = getEnv()
  const now = new Date()

  let recording: { path: string; sizeBytes: number } | null = null
  if (live.slot) {
    const slot = slotRef(live.slot)
    const state = await input.driver.inspect(slot)
    // The off-air notice goes through the streamer's chat bot (redis relay): before it stops. Bounded by
    // the relay's timeout; a failure is logged by the notice and changes nothing here.
    if (state.running && live.streamerStartedAt) await input.notice?.(live.id, "off-air").catch(() => undefined)
    // Never stop another live's streamer: this slot may already run the next one.
    if (state.running && (state.liveId === live.id || state.liveId === null)) await input.driver.stop(slot)
    if (live.downloadMeeting && live.streamerStartedAt) {
      recording =
        (await collectRecording({
          dir: recordingsDir(slot),
          targetDir: env.DEFAULT_BBB_PATH,
          internalMeetingId: live.meeting.internalMeetingId,
          liveId: live.id,
          window: { from: live.streamerStartedAt, to: now },
          timeZone: env.TZ,
        })) ?? (await alreadyPublished(env.DEFAULT_BBB_PATH, live.meeting.internalMeetingId, live.id))
      if (!recording) logger.warn({ liveId: live.id }, "recorded live left no recording file in its time window")
    }
  }

  const stopped = await releaseLive({
    liveId: live.id,
    from: ["STOPPING"],
    to: "STOPPED",
    at: now,
    record: recording ? { recordingPath: recording.path } : {},
    alsoInTransaction: async (tx) => {
      if (!recording) return
      await tx.draftVideo.upsert({
        where: { liveId: live.id },
        create: {
          ownerId: live.requestedById,
          title: live.meeting.name,
          sourcePath: recording.path,
          sizeBytes: recording.sizeBytes,
          liveId: live.id,
          origin: "LIVE",
          durationSeconds: live.streamerStartedAt ? Math.max(0, Math.round((now.getTime() - live.streamerStartedAt.getTime()) / 1000)) : null,
        },
        update: {},
      })
      await tx.meeting.update({ where: { id: live.meeting.id }, data: { publishedAt: now } })
    },
  })
  if (!stopped) return "not-stopping"
  logger.info({ liveId: live.id, reason: live.stopReason, recording: recording?.path ?? null }, "live stopped")
  return "stopped"
}
