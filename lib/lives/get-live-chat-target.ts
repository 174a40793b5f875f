// Where a live's chat messages go: its slot's chat redis (recorded on the live when the slot was
// claimed) and its BBB meeting's external id. Read by lib/chat's relays.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

/** Where the live's messages go: its slot's chat redis (redis relay) and its BBB meeting (bbb-api relay). */
export type LiveChatTarget = {
  liveId: number
  /** The external meetingID of the live's BBB session. */
  meetingId: string
  redisHost: string | null
  redisPort: number | null
  redisChannel: string | null
}

export async function getLiveChatTarget(liveId: number): Promise<LiveChatTarget> {
  const live = await db.live.findUnique({
    where: { id: liveId },
    select: { id: true, redisHost: true, redisPort: true, redisChannel: true, meeting: { select: { meetingId: true } } },
  })
  if (!live) throw new AppError("NOT_FOUND", { details: { liveId } })
  return { liveId: live.id, meetingId: live.meeting.meetingId, redisHost: live.redisHost, redisPort: live.redisPort, redisChannel: live.redisChannel }
}
