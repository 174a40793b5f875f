// The agent's half of domain flow 5, for one live its server was given (status STARTING): create the
// broadcaster, start the streamer, then RUNNING and on air, and mail the admins. Each step is recorded
// (broadcasterId, streamerStartedAt), so a retry after a crash resumes rather than repeats; a live that
// was cancelled meanwhile (STOPPING) is left to its stop. A streamer that will not start fails the live.
import { db } from "@/lib/db"
import { announceLiveStatus } from "@/lib/lives/announce-live-status"
import { attachLiveBroadcaster } from "@/lib/lives/attach-live-broadcaster"
import { logger } from "@/lib/logger"
import { notifyAdmins } from "@/lib/mail/notify-admins"

import { StreamerError, type StreamerDriver } from "./driver"
import { failLive } from "./fail-live"
import { findLiveOnSlot, streamerSpec } from "./live-on-slot"

export type StartStreamerResult = "started" | "already-running" | "not-mine" | "not-starting" | "failed"

/**
 * Posts the on-air / off-air notice into the room's chat (lib/chat/post-live-notice.ts, given by the
 * agent's worker: chat sits above streamers in the lib graph). Never awaited for the on-air one.
 */
export type LiveNoticePoster = (liveId: number, kind: "on-air" | "off-air") => Promise<unknown>

export async function startStreamer(input: { liveId: number; serverNumber: number; driver: StreamerDriver; notice?: LiveNoticePoster }): Promise<StartStreamerResult> {
  const live = await findLiveOnSlot(input.liveId)
  if (!live || !live.slot || live.slot.serverNumber !== input.serverNumber) return "not-mine"
  if (live.status === "RUNNING") return "already-running"
  if (live.status !== "STARTING" || !live.streamKey) return "not-starting"

  await db.$transaction((tx) =>
    attachLiveBroadcaster(tx, { id: live.id, meetingName: live.meeting.name, streamKey: live.streamKey!, isRestricted: live.isRestricted }),
  )
  try {
    await input.driver.start(streamerSpec(live))
  } catch (error) {
    if (!(error instanceof StreamerError)) throw error // database, disk…: the next tick tries again
    await failLive({ liveId: live.id, reason: "STREAMER_FAILED", detail: error.message, driver: input.driver })
    return "failed"
  }

  const now = new Date()
  const running = await db.$transaction(async (tx) => {
    const moved = await tx.live.updateMany({
      where: { id: live.id, status: "STARTING" },
      data: { status: "RUNNING", statusChangedAt: now, startedAt: now, streamerStartedAt: now, hlsAdvancedAt: now, hlsSequence: null },
    })
    if (moved.count === 0) return false
    await tx.broadcaster.updateMany({ where: { live: { id: live.id } }, data: { isOnAir: true } })
    return true
  })
  if (!running) return "not-starting" // stopped meanwhile: its stop job ends the streamer
  logger.info({ liveId: live.id, slot: `${live.slot.serverNumber}/${live.slot.slotNumber}`, meeting: live.meeting.name }, "live started")
  await announceLiveStatus({ liveId: live.id, status: "RUNNING" })
  void input.notice?.(live.id, "on-air").catch(() => undefined)
  await notifyAdmins(
    `Live started: ${live.meeting.name}`,
    `${live.requestedBy.firstName} ${live.requestedBy.lastName} started a live of "${live.meeting.name}" on streamer ${live.slot.serverNumber}/${live.slot.slotNumber}.`,
  ).catch(() => undefined)
  return "started"
}
