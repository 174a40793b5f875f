import type { BbbMeeting } from "@/lib/bbb/schemas"

import { normalizeName } from "./name-keys"

/** One attendees row as the sync writes it. */
export type AttendeeRow = {
  internalMeetingId: string
  key: string
  fullName: string
  normalizedName: string
  role: "MODERATOR" | "VIEWER"
  bbbUserId: string | null
  extUserId: string | null
}

/**
 * The attendee rows of one meeting: one per attendee key (BBB's user id, else role + normalised
 * name); a person connected twice keeps the moderator role if any.
 */
export function attendeeRows(meeting: BbbMeeting): AttendeeRow[] {
  const rows = new Map<string, AttendeeRow>()
  for (const a of meeting.attendees) {
    const normalizedName = normalizeName(a.fullName)
    const key = a.userID || `${a.role}:${normalizedName}`
    const existing = rows.get(key)
    if (existing && (existing.role === "MODERATOR" || a.role !== "MODERATOR")) continue
    rows.set(key, {
      internalMeetingId: meeting.internalMeetingID,
      key,
      fullName: a.fullName,
      normalizedName,
      role: a.role,
      bbbUserId: a.userID || null,
      extUserId: a.externalUserID,
    })
  }
  return [...rows.values()]
}
