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
