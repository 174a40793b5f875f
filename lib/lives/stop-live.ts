// Ends a live for a reason (its meeting ended, its teacher cancelled it, an admin stopped it): one use
// case for all three (domain flows 6 and 8). A live that has no streamer yet ends at once; one that
// starts or runs becomes STOPPING and its server's agent is told to stop the streamer (if Redis is
// down, the agent's next tick finds the STOPPING live by itself). Guarded updates: whoever changes the
// live first wins, the other re-reads and does what is still needed. Idempotent.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { logger } from "@/lib/logger"
import { enqueueStreamerJob } from "@/lib/streamers/jobs"

import { announceLiveStatus } from "./announce-live-status"
import { enqueueSlotFreed } from "./jobs"
import type { LiveStatus, LiveStopReason } from "./schemas"

export type StopLiveResult = { liveId: number; status: LiveStatus; changed: boolean }

export async function stopLive(input: { liveId: number; reason: LiveStopReason }): Promise<StopLiveResult> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const live = await db.live.findUnique({ where: { id: input.liveId }, select: { id: true, status: true, slot: { select: { serverNumber: true } } } })
    if (!live) throw new AppError("NOT_FOUND")
    const now = new Date()
    if (live.status === "REQUESTED") {
      // Not started: nothing runs, it ends now (and frees its place under the cap).
      const reason: LiveStopReason = input.reason === "MEETING_ENDED" ? "MEETING_ENDED_BEFORE_START" : input.reason
      const moved = await db.live.updateMany({
        where: { id: live.id, status: "REQUESTED", slotId: null },
        data: { status: "STOPPED", stopReason: reason, statusChangedAt: now, endedAt: now, activeMeetingId: null },
      })
      if (moved.count === 0) continue
      await announce(live.id, "STOPPED", input.reason)
      await enqueueSlotFreed(live.id).catch(() => undefined)
      return { liveId: live.id, status: "STOPPED", changed: true }
    }
    if (live.status === "STARTING" || live.status === "RUNNING") {
      const moved = await db.live.updateMany({ where: { id: live.id, status: live.status }, data: { status: "STOPPING", stopReason: input.reason, statusChangedAt: now } })
      if (moved.count === 0) continue
      if (live.slot) {
        await enqueueStreamerJob(live.slot.serverNumber, { action: "stop", liveId: live.id, generation: now }).catch((err: unknown) =>
          logger.warn({ err, liveId: live.id }, "stop saved; the agent will find it at its next tick (Redis down?)"),
        )
      }
      await announce(live.id, "STOPPING", input.reason)
      return { liveId: live.id, status: "STOPPING", changed: true }
    }
    return { liveId: live.id, status: live.status, changed: false } // already stopping or ended
  }
  throw new AppError("CONFLICT", { message: `live ${input.liveId} kept changing while being stopped` })
}

async function announce(liveId: number, status: LiveStatus, reason: LiveStopReason): Promise<void> {
  logger.info({ liveId, reason }, "live stop requested")
  await announceLiveStatus({ liveId, status })
}
