import { z } from "zod"

import { dayFilter, enumFilter, listParamsSchema } from "@/lib/admin/list-params"

export const assignAttendeeInputSchema = z.object({
  attendeeId: z.coerce.number().int().positive(),
  /** The account to link; empty = hand the attendee back to automatic matching. */
  username: z
    .string()
    .trim()
    .max(150)
    .optional()
    .transform((v) => (v ? v : undefined)),
})
export type AssignAttendeeInput = z.infer<typeof assignAttendeeInputSchema>

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
