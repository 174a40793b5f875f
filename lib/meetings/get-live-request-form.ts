// What the confirmation page needs: the meeting, whether this user may request a live for it now
// (and if not, why, as an error code: lib/lives' eligibility rule), and which options to show.
import { getEnv } from "@/lib/config/env"
import { getLiveRequestEligibility, type LiveRequestRefusal } from "@/lib/lives/live-request-eligibility"

export type LiveRequestForm = {
  meeting: { id: number; name: string; sessionDate: Date }
  refusal: LiveRequestRefusal | null
  existingLiveId: number | null
  showDownloadOption: boolean
  /** The room's messages on the page need bbb-webhooks: without them the option is shown disabled, with the reason. */
  roomChatAvailable: boolean
}

export async function getLiveRequestForm(meetingId: number, user: { id: number }): Promise<LiveRequestForm | null> {
  const { meeting, refusal, activeLiveId } = await getLiveRequestEligibility({ meetingId, userId: user.id })
  if (!meeting) return null
  return { meeting, refusal, existingLiveId: activeLiveId, showDownloadOption: getEnv().USE_BBB_LIVE_DOWNLOADING, roomChatAvailable: getEnv().BBB_WEBHOOKS_SERVERS.length > 0 }
}
