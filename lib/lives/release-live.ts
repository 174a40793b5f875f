// The one teardown of a live, whoever ends it (its agent stopping the streamer, a failure, the scan
// timing out a live whose agent is gone, a stop before it got a slot): a guarded move to an ended
// status, its meeting's active flag cleared, its broadcaster deleted, its slot freed, in one
// transaction; then its pages are told, and the orchestrator is told a slot is free so a waiting live
// takes it now (when Redis is down, the periodic scan catches up). Returns false when the guard lost:
// another path ended it first, and nothing is written or announced twice.
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { announceLiveStatus } from "./announce-live-status"
import { enqueueSlotFreed } from "./jobs"
import type { ActiveLiveStatus, EndedLiveStatus } from "./live-statuses"
import type { LiveFailureReason, LiveStopReason } from "./schemas"

export type ReleaseLiveInput = {
  liveId: number
  /** The statuses it may end from (the guard). */
  from: readonly ActiveLiveStatus[]
  to: EndedLiveStatus
  /** What the end records with it: why, and the recording it left. */
  record?: { stopReason?: LiveStopReason; failureReason?: LiveFailureReason; recordingPath?: string }
  /** A further guard, e.g. `{ slotId: null }`: not given a slot meanwhile. */
  where?: Prisma.LiveWhereInput
  /** Writes that belong to the same transaction (a published recording, an admin's audit entry). */
  alsoInTransaction?: (tx: Prisma.TransactionClient) => Promise<void>
  /** The end date, when the caller already used it (a recording's time window). */
  at?: Date
}

export async function releaseLive(input: ReleaseLiveInput): Promise<boolean> {
  const now = input.at ?? new Date()
  const released = await db.$transaction(async (tx) => {
    const moved = await tx.live.updateMany({
      where: { ...input.where, id: input.liveId, status: { in: [...input.from] } },
      data: { ...input.record, status: input.to, statusChangedAt: now, endedAt: now, activeMeetingId: null },
    })
    if (moved.count === 0) return false
    // Read under the row lock the update took: a broadcaster attached meanwhile is not left behind.
    const { broadcasterId } = await tx.live.findUniqueOrThrow({ where: { id: input.liveId }, select: { broadcasterId: true } })
    if (broadcasterId) {
      await tx.live.update({ where: { id: input.liveId }, data: { broadcasterId: null } })
      await tx.broadcaster.deleteMany({ where: { id: broadcasterId } })
    }
    await tx.streamerSlot.updateMany({ where: { currentLiveId: input.liveId }, data: { currentLiveId: null } })
    await input.alsoInTransaction?.(tx)
    return true
  })
  if (!released) return false
  await announceLiveStatus({ liveId: input.liveId, status: input.to })
  await enqueueSlotFreed(input.liveId).catch(() => undefined)
  return true
}
