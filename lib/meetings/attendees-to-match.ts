import type { Prisma } from "@/lib/generated/prisma/client"

/**
 * The moderators left to an admin: unmatched or ambiguous, still present in a running session. The
 * participants list's default view shows them and the admin overview counts them.
 */
export const ATTENDEES_TO_MATCH_WHERE = {
  role: "MODERATOR",
  matchStatus: { in: ["UNMATCHED", "AMBIGUOUS"] },
  leftAt: null,
  meeting: { endedAt: null },
} satisfies Prisma.AttendeeWhereInput
