// What the confirmation page needs: the meeting, whether this user may request a live for it now
// (and if not, why, as an error code), and which options to show.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { AppErrorCode } from "@/lib/errors"
import { isLiveCapReached } from "@/lib/lives/is-live-cap-reached"

export type LiveRequestForm = {
  meeting: { id: number; name: string; sessionDate: Date }
  refusal: AppErrorCode | null
  existingLiveId: number | null
  showDownloadOption: boolean
}

export async function getLiveRequestForm(meetingId: number, user: { id: number }): Promise<LiveRequestForm | null> {
  const env = getEnv()
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      name: true,
      sessionDate: true,
      endedAt: true,
      activeLive: { select: { id: true } },
      attendees: { where: { role: "MODERATOR", userId: user.id }, select: { id: true }, take: 1 },
    },
  })
  if (!meeting) return null
  let refusal: AppErrorCode | null = null
  if (!env.USE_BBB_LIVE) refusal = "LIVES_DISABLED"
  else if (meeting.attendees.length === 0) refusal = "NOT_A_MODERATOR"
  else if (meeting.endedAt) refusal = "MEETING_NOT_RUNNING"
  else if (meeting.activeLive) refusal = "LIVE_ALREADY_ACTIVE"
  else if (await isLiveCapReached()) refusal = "LIVE_CAP_REACHED"
  return {
    meeting: { id: meeting.id, name: meeting.name, sessionDate: meeting.sessionDate },
    refusal,
    existingLiveId: meeting.activeLive?.id ?? null,
    showDownloadOption: env.USE_BBB_LIVE_DOWNLOADING,
  }
}
