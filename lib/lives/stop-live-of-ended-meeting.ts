// A meeting ended (it vanished from a successful getMeetings, see lib/meetings/sync-meetings.ts): its
// active live, if any, stops — or, if it never started, is cancelled with that reason.
import { db } from "@/lib/db"

import { stopLive, type StopLiveResult } from "./stop-live"

export async function stopLiveOfEndedMeeting(input: { meetingId: number }): Promise<StopLiveResult | null> {
  const live = await db.live.findUnique({ where: { activeMeetingId: input.meetingId }, select: { id: true } })
  return live ? stopLive({ liveId: live.id, reason: "MEETING_ENDED" }) : null
}
