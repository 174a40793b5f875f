import { db } from "@/lib/db"

import { ATTENDEES_TO_MATCH_WHERE } from "./attendees-to-match"

/** How many moderators the matching page lists (the admin overview's figure). */
export async function countAttendeesToMatch(): Promise<number> {
  return db.attendee.count({ where: ATTENDEES_TO_MATCH_WHERE })
}
