// A live that cannot go on (its streamer did not start, stalled twice, its agent is gone, it did not
// start in time): FAILED with a reason the teacher can read, its broadcaster removed, its slot and
// its meeting freed, the admins mailed, and waiting lives told a slot is free. Idempotent.
import { db } from "@/lib/db"
import { announceLiveStatus } from "@/lib/lives/announce-live-status"
import { enqueueSlotFreed } from "@/lib/lives/jobs"
import type { LiveFailureReason } from "@/lib/lives/schemas"
import { logger } from "@/lib/logger"
import { notifyAdmins } from "@/lib/mail/notify-admins"

import type { StreamerDriver } from "./driver"
import { findLiveOnSlot, slotRef } from "./live-on-slot"

export async function failLive(input: { liveId: number; reason: LiveFailureReason; detail?: string; driver?: StreamerDriver }): Promise<boolean> {
  const live = await findLiveOnSlot(input.liveId)
  if (!live || !["REQUESTED", "STARTING", "RUNNING", "STOPPING"].includes(live.status)) return false
  if (input.driver && live.slot) {
    await input.driver.stop(slotRef(live.slot)).catch((err: unknown) => logger.error({ err, liveId: live.id }, "could not stop the streamer of a failed live"))
  }
  const now = new Date()
  const failed = await db.$transaction(async (tx) => {
    const moved = await tx.live.updateMany({
      where: { id: live.id, status: { in: ["REQUESTED", "STARTING", "RUNNING", "STOPPING"] } },
      data: { status: "FAILED", failureReason: input.reason, statusChangedAt: now, endedAt: now, activeMeetingId: null, broadcasterId: null },
    })
    if (moved.count === 0) return false
    if (live.broadcasterId) await tx.broadcaster.deleteMany({ where: { id: live.broadcasterId } })
    await tx.streamerSlot.updateMany({ where: { currentLiveId: live.id }, data: { currentLiveId: null } })
    return true
  })
  if (!failed) return false
  logger.error({ liveId: live.id, reason: input.reason, detail: input.detail, slot: live.slot && `${live.slot.serverNumber}/${live.slot.slotNumber}` }, "live failed")
  await announceLiveStatus({ liveId: live.id, status: "FAILED" })
  await enqueueSlotFreed(live.id).catch(() => undefined) // the periodic scan catches up when Redis is down
  await notifyAdmins(
    `Live failed: ${live.meeting.name}`,
    `The live of "${live.meeting.name}" (live ${live.id}, requested by ${live.requestedBy.firstName} ${live.requestedBy.lastName}) failed: ${input.reason}.\n` +
      (input.detail ? `\n${input.detail}\n` : ""),
  ).catch(() => undefined)
  return true
}
