// A live that cannot go on (its streamer did not start, stalled twice, its agent is gone, it did not
// start in time): FAILED with a reason the teacher can read, released (releaseLive: its broadcaster
// removed, its slot and its meeting freed, waiting lives told a slot is free), the admins mailed. Idempotent.
import { ACTIVE_LIVE_STATUSES, isActiveLiveStatus } from "@/lib/lives/live-statuses"
import { releaseLive } from "@/lib/lives/release-live"
import type { LiveFailureReason } from "@/lib/lives/schemas"
import { logger } from "@/lib/logger"
import { notifyAdmins } from "@/lib/mail/notify-admins"

import type { StreamerDriver } from "./driver"
import { findLiveOnSlot, slotRef } from "./live-on-slot"

export async function failLive(input: { liveId: number; reason: LiveFailureReason; detail?: string; driver?: StreamerDriver }): Promise<boolean> {
  const live = await findLiveOnSlot(input.liveId)
  if (!live || !isActiveLiveStatus(live.status)) return false
  if (input.driver && live.slot) {
    await input.driver.stop(slotRef(live.slot)).catch((err: unknown) => logger.error({ err, liveId: live.id }, "could not stop the streamer of a failed live"))
  }
  const failed = await releaseLive({ liveId: live.id, from: ACTIVE_LIVE_STATUSES, to: "FAILED", record: { failureReason: input.reason } })
  if (!failed) return false
  logger.error({ liveId: live.id, reason: input.reason, detail: input.detail, slot: live.slot && `${live.slot.serverNumber}/${live.slot.slotNumber}` }, "live failed")
  await notifyAdmins(
    `Live failed: ${live.meeting.name}`,
    `The live of "${live.meeting.name}" (live ${live.id}, requested by ${live.requestedBy.firstName} ${live.requestedBy.lastName}) failed: ${input.reason}.\n` +
      (input.detail ? `\n${input.detail}\n` : ""),
  ).catch(() => undefined)
  return true
}
