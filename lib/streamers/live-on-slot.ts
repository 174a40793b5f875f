// Reads a live with what its agent needs (slot, meeting, options) and turns it into a StreamerSpec.
import { db } from "@/lib/db"

import type { StreamerSlotRef, StreamerSpec } from "./driver"

export async function findLiveOnSlot(liveId: number) {
  return db.live.findUnique({
    where: { id: liveId },
    select: {
      id: true,
      status: true,
      statusChangedAt: true,
      streamKey: true,
      showChat: true,
      enableChat: true,
      downloadMeeting: true,
      isRestricted: true,
      broadcasterId: true,
      requestedById: true,
      restartCount: true,
      hlsSequence: true,
      hlsAdvancedAt: true,
      streamerStartedAt: true,
      stopReason: true,
      slot: { select: { id: true, serverNumber: true, slotNumber: true, workdir: true, redisPort: true, redisChannel: true } },
      meeting: { select: { id: true, meetingId: true, internalMeetingId: true, name: true } },
      requestedBy: { select: { email: true, firstName: true, lastName: true } },
      broadcaster: { select: { hlsUrl: true, slug: true } },
    },
  })
}
export type LiveOnSlot = NonNullable<Awaited<ReturnType<typeof findLiveOnSlot>>>

export function slotRef(slot: NonNullable<LiveOnSlot["slot"]>): StreamerSlotRef {
  return { serverNumber: slot.serverNumber, slotNumber: slot.slotNumber, workdir: slot.workdir, redisPort: slot.redisPort, redisChannel: slot.redisChannel }
}

export function streamerSpec(live: LiveOnSlot): StreamerSpec {
  if (!live.slot || !live.streamKey) throw new Error(`live ${live.id} has no slot or stream key`)
  return {
    liveId: live.id,
    slot: slotRef(live.slot),
    bbbMeetingId: live.meeting.meetingId,
    meetingName: live.meeting.name,
    streamKey: live.streamKey,
    showChat: live.showChat,
    enableChat: live.enableChat,
    downloadMeeting: live.downloadMeeting,
  }
}
