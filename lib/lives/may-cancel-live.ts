// Who may stop a live from the teacher's page ("Annuler" / "Arrêter le direct"): its requester, any
// matched moderator of its meeting, an admin; nobody else. The action (cancelLive) and the view that
// shows the button (listTeacherMeetings' canCancel) both ask here.
import { db } from "@/lib/db"
import type { User } from "@/lib/generated/prisma/client"

import { moderatorAttendeeWhere } from "./live-request-eligibility"

/** `isModerator`: when the caller already knows the user moderates the meeting (its list is made of such meetings). */
export async function mayCancelLive(
  user: Pick<User, "id" | "role">,
  live: { requestedById: number; meetingId: number },
  known: { isModerator?: boolean } = {},
): Promise<boolean> {
  if (user.role === "ADMIN" || live.requestedById === user.id) return true
  return known.isModerator ?? (await db.attendee.count({ where: { meetingId: live.meetingId, ...moderatorAttendeeWhere(user.id) } })) > 0
}
