// The account behind a session, re-read on every request: a session is a signed cookie that stays
// valid until it expires, so an account deactivated (or deleted) meanwhile must stop here.
import { db } from "@/lib/db"

export type CurrentUser = {
  id: number
  role: "ADMIN" | "TEACHER" | "STUDENT"
  firstName: string
  lastName: string
  email: string
  username: string
}

/** The active account with this id, or null (unknown or deactivated: the session is worth nothing). */
export async function findSessionUser(userId: number): Promise<CurrentUser | null> {
  return db.user.findFirst({
    where: { id: userId, isActive: true },
    select: { id: true, role: true, firstName: true, lastName: true, email: true, username: true },
  })
}
