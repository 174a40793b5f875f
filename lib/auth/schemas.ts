// Shapes of the sign-in throttling's records.
import { z } from "zod"

export const signInAttemptSchema = z.object({
  at: z.coerce.date(),
  username: z.string(),
  ip: z.string(),
  outcome: z.enum(["FAILED", "BLOCKED", "INACTIVE"]),
})
export type SignInAttempt = z.infer<typeof signInAttemptSchema>
