import { z } from "zod"

import { dayFilter, enumFilter, listParamsSchema } from "@/lib/lists/list-params"

export const assignAttendeeInputSchema = z.object({
  attendeeId: z.coerce.number().int().positive(),
  /** The account to link; empty = hand the attendee back to automatic matching. */
  username: z
    .string()
    .trim()
    .max(150)
    .optional()
    .transform((v) => (v ? v : undefined)),
  /**
   * A moderator is linked to a student account only when the admin confirmed it (a second click):
   * the username the warning named.
   */
  studentConfirmed: z.string().trim().max(150).optional(),
})
export type AssignAttendeeInput = z.infer<typeof assignAttendeeInputSchema>

/** How an attendee is linked to an account (the admin list's "match state"). */
export const MATCH_STATUSES = ["BY_NAME", "BY_EXTERNAL_ID", "BY_ADMIN", "AMBIGUOUS", "UNMATCHED"] as const
export type MatchStatusValue = (typeof MATCH_STATUSES)[number]

/**
 * The admin participants list's state filter: "toMatch" by default (the moderators still present in
 * running sessions that are ambiguous or unmatched: the work left to an admin), one match state, or
 * "all".
 */
export const ATTENDEE_STATE_FILTERS = ["toMatch", "all", ...MATCH_STATUSES] as const

export const adminAttendeesParamsSchema = listParamsSchema({
  sorts: ["id", "fullName", "role", "session", "state"],
  defaultSort: "id",
  filters: { role: enumFilter(["MODERATOR", "VIEWER"]), state: z.enum(ATTENDEE_STATE_FILTERS).catch("toMatch").default("toMatch") },
})
export type AdminAttendeesParams = z.output<typeof adminAttendeesParamsSchema>

// ---- Administration (/admin/meetings) ----

export const ADMIN_MEETING_SORTS = ["sessionDate", "id", "name", "lastSeenRunningAt"] as const
export const MEETING_STATES = ["running", "ended"] as const

/** The admin list of sessions: search (name, BBB meeting id), state, recorded, date range, sort, page. */
export const adminMeetingsParamsSchema = listParamsSchema({
  sorts: ADMIN_MEETING_SORTS,
  filters: {
    state: enumFilter(MEETING_STATES),
    recorded: enumFilter(["yes", "no"]),
    from: dayFilter(),
    to: dayFilter(),
  },
})
export type AdminMeetingsParams = z.infer<typeof adminMeetingsParamsSchema>
