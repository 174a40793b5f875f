// The account behind a session, re-read on every request: a session is a signed cookie that stays
// valid until it expires, so an account deactivated (or deleted) meanwhile must stop here.
import { db } from "@/lib/db"

import type { Role } from "./roles"
import { sessionUserId, type SessionCookies } from "./session-cookie"

export type CurrentUser = {
  id: number
  role: Role
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

/** The active account of the session cookie among these cookies, or null (none, forged, expired, deactivated). */
export async function findCookieSessionUser(cookies: SessionCookies): Promise<CurrentUser | null> {
  const uid = await sessionUserId(cookies)
  return uid === null ? null : findSessionUser(uid)
}
