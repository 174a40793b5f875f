import type { MatchStatusValue } from "@/lib/meetings/schemas"

import type { BadgeTone } from "@/components/ui/badge"

/** The badge of each match state: linked (by name, external id, admin), ambiguous, unknown. */
export const MATCH_TONES: Record<MatchStatusValue, BadgeTone> = {
  BY_NAME: "success",
  BY_EXTERNAL_ID: "success",
  BY_ADMIN: "info",
  AMBIGUOUS: "warning",
  UNMATCHED: "neutral",
}
