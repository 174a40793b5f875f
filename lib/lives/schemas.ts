import { z } from "zod"

import { dayFilter, enumFilter, idFilter, listParamsSchema } from "@/lib/lists/list-params"

import { ACTIVE_LIVE_STATUSES, isActiveLiveStatus, LIVE_STATUSES, type LiveStatus } from "./live-statuses"

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
  /** The BBB room's messages on the live page (issue 24); ignored without bbb-webhooks (the column's default stays). */
  showRoomChat: checkbox,
})
/** showRoomChat optional for callers other than the form: absent, the live keeps the column's default (shown). */
export type RequestLiveInput = Omit<z.infer<typeof requestLiveInputSchema>, "showRoomChat"> & { showRoomChat?: boolean }

export { ACTIVE_LIVE_STATUSES, isActiveLiveStatus, LIVE_STATUSES, type LiveStatus }

/** GET /api/lives/<slug>/status: the live's status as the database has it (what a page confirms a status frame with). */
export const liveStatusAnswerSchema = z.object({ status: z.enum(LIVE_STATUSES) })
export type LiveStatusAnswer = z.infer<typeof liveStatusAnswerSchema>

/** GET /api/lives/<slug>/media-url: where the player loads the live's HLS, and until when (null: no expiry, a public stream). */
export const liveMediaUrlAnswerSchema = z.object({ url: z.string().url(), expiresAt: z.string().datetime().nullable() })
export type LiveMediaUrlAnswer = z.infer<typeof liveMediaUrlAnswerSchema>

/**
 * A rendition of the HLS ladder (deploy/hls-origin/hls-transcode.sh), as a live page's player reports
 * the one it plays: "720p", "360p", an input's own height below 360 lines ("240p"), or "audio" (« Son
 * seul »). Nothing else: the audience samples count viewers per name, so a name is never free text.
 */
export const LIVE_RENDITION_PATTERN = /^(?:audio|720p|360p|(?:[2468]|[1-9][02468]|[12]\d[02468]|3[0-5][02468])p)$/
export const liveRenditionSchema = z.string().max(5).regex(LIVE_RENDITION_PATTERN)
export type LiveRendition = z.infer<typeof liveRenditionSchema>

/** POST /api/lives/<slug>/rendition: the rendition this viewer's player plays now. */
export const liveRenditionBodySchema = z.object({ rendition: liveRenditionSchema })

/** Why a live failed (i18n "liveFailure"). */
export const LIVE_FAILURE_REASONS = ["STREAMER_FAILED", "START_TIMEOUT", "STREAM_STALLED", "STREAMER_EXITED", "AGENT_UNREACHABLE"] as const
export type LiveFailureReason = (typeof LIVE_FAILURE_REASONS)[number]

/**
 * Why a live ended (i18n "liveEnd"). A teacher's stop reads CANCELLED_BY_TEACHER while the live had
 * not gone on air yet (requested or starting) and STOPPED_BY_TEACHER once it had (see stop-live.ts).
 */
export const LIVE_STOP_REASONS = ["MEETING_ENDED", "MEETING_ENDED_BEFORE_START", "CANCELLED_BY_TEACHER", "STOPPED_BY_TEACHER", "STOPPED_BY_ADMIN"] as const
export type LiveStopReason = (typeof LIVE_STOP_REASONS)[number]

export const cancelLiveInputSchema = z.object({ liveId: z.coerce.number().int().positive() })
export type CancelLiveInput = z.infer<typeof cancelLiveInputSchema>

// ---- Administration (/admin/lives) ----

/** The sortable columns of the admin list of lives. */
export const ADMIN_LIVE_SORTS = ["requestedAt", "id", "startedAt", "endedAt", "status", "meeting", "user"] as const

/** The admin list's URL: search (session name, user), filters (status, server, date range), sort, page. */
export const adminLivesParamsSchema = listParamsSchema({
  sorts: ADMIN_LIVE_SORTS,
  filters: {
    status: enumFilter(LIVE_STATUSES),
    server: z.coerce.number().int().min(1).max(999).optional().catch(undefined),
    from: dayFilter(),
    to: dayFilter(),
    /** The lives of one session (its admin page lists them). */
    meeting: idFilter(),
  },
})
export type AdminLivesParams = z.infer<typeof adminLivesParamsSchema>

/** An admin's checkbox: ticked ("on") or not (absent); anything else is a forged value. */
const strictCheckbox = z
  .enum(["on", "true", "false"], { message: "notABoolean" })
  .optional()
  .transform((v) => v === "on" || v === "true")

/**
 * What an admin may change on a live: its options (never the orchestrator's own fields: status,
 * slot, stream key, dates). Error messages are i18n keys (adminLives.errors.*).
 */
export const updateLiveOptionsInputSchema = z.object({
  liveId: z.coerce.number({ message: "notFound" }).int().positive({ message: "notFound" }),
  isRestricted: strictCheckbox,
  showChat: strictCheckbox,
  downloadMeeting: strictCheckbox,
  enableChat: strictCheckbox,
  showRoomChat: strictCheckbox,
})
export type UpdateLiveOptionsInput = z.infer<typeof updateLiveOptionsInputSchema>

export const adminLiveInputSchema = z.object({ liveId: z.coerce.number().int().positive() })
export type AdminLiveInput = z.infer<typeof adminLiveInputSchema>
