// Ends a live for a reason (its meeting ended, its teacher stopped it, an admin stopped it): one use
// case for all three (domain flows 6 and 8). A live that has no streamer yet ends at once; one that
// starts or runs becomes STOPPING and its server's agent is told to stop the streamer (if Redis is
// down, the agent's next tick finds the STOPPING live by itself). Guarded updates: whoever changes the
// live first wins, the other re-reads and does what is still needed. Idempotent.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { logger } from "@/lib/logger"
import type { Prisma } from "@/lib/generated/prisma/client"

import { announceLiveStatus } from "./announce-live-status"
import { releaseLive } from "./release-live"
import { enqueueStreamerJob } from "./streamer-jobs"
import type { LiveStatus, LiveStopReason } from "./schemas"

export type StopLiveResult = { liveId: number; status: LiveStatus; changed: boolean }

/**
 * The reason recorded for a stop asked for `requested`, given where the live stood: a meeting that
 * ends while its live still waits (REQUESTED) is MEETING_ENDED_BEFORE_START; a teacher's stop before
 * the live went on air (requested, or starting without a start date) is a cancellation
 * (CANCELLED_BY_TEACHER), and once it had, STOPPED_BY_TEACHER.
 */
function stopReasonFor(requested: LiveStopReason, live: { status: LiveStatus; startedAt: Date | null }): LiveStopReason {
  const onAir = live.startedAt !== null || live.status === "RUNNING"
  if (requested === "MEETING_ENDED" && live.status === "REQUESTED") return "MEETING_ENDED_BEFORE_START"
  if (requested === "STOPPED_BY_TEACHER" || requested === "CANCELLED_BY_TEACHER") return onAir ? "STOPPED_BY_TEACHER" : "CANCELLED_BY_TEACHER"
  return requested
}

/**
 * `actor`: the admin stopping it (reason STOPPED_BY_ADMIN); the status change and its audit entry
 * ("live.stop") are then written in one transaction.
 */
export async function stopLive(input: { liveId: number; reason: LiveStopReason; actor?: AuditActor }): Promise<StopLiveResult> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const live = await db.live.findUnique({ where: { id: input.liveId }, select: { id: true, status: true, startedAt: true, slot: { select: { serverNumber: true } } } })
    if (!live) throw new AppError("NOT_FOUND")
    const now = new Date()
    const reason = stopReasonFor(input.reason, live)
    const actor = input.actor
    if (live.status === "REQUESTED") {
      // Not started: nothing runs, it ends now (and frees its place under the cap).
      const moved = await releaseLive({
        liveId: live.id,
        from: ["REQUESTED"],
        where: { slotId: null },
        to: "STOPPED",
        at: now,
        record: { stopReason: reason },
        alsoInTransaction: actor ? (tx) => recordStop(tx, actor, live, { status: "STOPPED", stopReason: reason }) : undefined,
      })
      if (!moved) continue
      logger.info({ liveId: live.id, reason }, "live stop requested")
      return { liveId: live.id, status: "STOPPED", changed: true }
    }
    if (live.status === "STARTING" || live.status === "RUNNING") {
      const moved = await guardedUpdate(input.actor, live, { where: { id: live.id, status: live.status }, data: { status: "STOPPING", stopReason: reason, statusChangedAt: now } })
      if (!moved) continue
      if (live.slot) {
        await enqueueStreamerJob(live.slot.serverNumber, { action: "stop", liveId: live.id, generation: now }).catch((err: unknown) =>
          logger.warn({ err, liveId: live.id }, "stop saved; the agent will find it at its next tick (Redis down?)"),
        )
      }
      await announce(live.id, "STOPPING", reason)
      return { liveId: live.id, status: "STOPPING", changed: true }
    }
    return { liveId: live.id, status: live.status, changed: false } // already stopping or ended
  }
  throw new AppError("CONFLICT", { message: `live ${input.liveId} kept changing while being stopped` })
}

/** The guarded status change, with the admin's audit entry in the same transaction when an admin stops it. */
async function guardedUpdate(
  actor: AuditActor | undefined,
  live: { id: number; status: LiveStatus },
  update: { where: Prisma.LiveWhereInput; data: { status: LiveStatus; stopReason: LiveStopReason } & Prisma.LiveUncheckedUpdateManyInput },
): Promise<boolean> {
  if (!actor) return (await db.live.updateMany(update)).count > 0
  return db.$transaction(async (tx) => {
    const moved = await tx.live.updateMany(update)
    if (moved.count === 0) return false
    await recordStop(tx, actor, live, update.data)
    return true
  })
}

/** The admin's "live.stop" audit entry. */
async function recordStop(tx: Prisma.TransactionClient, actor: AuditActor, live: { id: number; status: LiveStatus }, after: { status: LiveStatus; stopReason: LiveStopReason }): Promise<void> {
  await recordAuditEntry(tx, actor, { action: "live.stop", entity: { type: "live", id: live.id }, before: { status: live.status }, after: { status: after.status, stopReason: after.stopReason } })
}

async function announce(liveId: number, status: LiveStatus, reason: LiveStopReason): Promise<void> {
  logger.info({ liveId, reason }, "live stop requested")
  await announceLiveStatus({ liveId, status })
}
