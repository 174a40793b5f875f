import { z } from "zod"

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
