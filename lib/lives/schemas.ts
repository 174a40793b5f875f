import { z } from "zod"

/** An HTML checkbox: "on" (or "true") when ticked, absent when not. */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true")

export const requestLiveInputSchema = z.object({
  meetingId: z.coerce.number().int().positive(),
  isRestricted: checkbox,
  showChat: checkbox,
  downloadMeeting: checkbox,
  enableChat: checkbox,
})
export type RequestLiveInput = z.infer<typeof requestLiveInputSchema>

export const LIVE_STATUSES = ["REQUESTED", "STARTING", "RUNNING", "STOPPING", "STOPPED", "FAILED"] as const
export type LiveStatus = (typeof LIVE_STATUSES)[number]
export const ACTIVE_LIVE_STATUSES: readonly LiveStatus[] = ["REQUESTED", "STARTING", "RUNNING", "STOPPING"]

/** A live holding its meeting (and resources): requested, starting, running or stopping. */
export function isActiveLiveStatus(status: LiveStatus): boolean {
  return ACTIVE_LIVE_STATUSES.includes(status)
}

/** Why a live failed (i18n "liveFailure"). */
export const LIVE_FAILURE_REASONS = ["STREAMER_FAILED", "START_TIMEOUT", "STREAM_STALLED", "STREAMER_EXITED", "AGENT_UNREACHABLE"] as const
export type LiveFailureReason = (typeof LIVE_FAILURE_REASONS)[number]

/** Why a live ended (i18n "liveEnd"). */
export const LIVE_STOP_REASONS = ["MEETING_ENDED", "MEETING_ENDED_BEFORE_START", "CANCELLED_BY_TEACHER", "STOPPED_BY_ADMIN"] as const
export type LiveStopReason = (typeof LIVE_STOP_REASONS)[number]

export const cancelLiveInputSchema = z.object({ liveId: z.coerce.number().int().positive() })
export type CancelLiveInput = z.infer<typeof cancelLiveInputSchema>
