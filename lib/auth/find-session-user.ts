// The account behind a session, re-read on every request: a session is a signed cookie that stays
// valid until it expires, so an account deactivated (or deleted) meanwhile must stop here, and so must
// a session whose version is no longer the account's (signed out, password reset, deactivated or
// role changed since it was issued: lib/users/end-user-sessions.ts). Checked in the database at
// every read, so it holds across app instances.
import { db } from "@/lib/db"

import type { Role } from "./roles"
import { sessionClaims, type SessionClaims, type SessionCookies } from "./session-cookie"

export type CurrentUser = {
  id: number
  role: Role
  firstName: string
  lastName: string
  email: string
  username: string
  /** A local password is set (an SSO-only account has none: no « Changer mon mot de passe »). */
  hasPassword: boolean
  /** A temporary password from an admin: the account must choose its own (lib/auth/change-password-path.ts). */
  mustChangePassword: boolean
}

/** The active account of these claims, or null (unknown, deactivated or ended session: worth nothing). */
export async function findSessionUser(claims: SessionClaims): Promise<CurrentUser | null> {
  const user = await db.user.findFirst({
    where: { id: claims.userId, isActive: true, sessionVersion: claims.sessionVersion },
    select: { id: true, role: true, firstName: true, lastName: true, email: true, username: true, passwordHash: true, mustChangePassword: true },
  })
  if (!user) return null
  const { passwordHash, ...rest } = user // the hash never leaves this function
  return { ...rest, hasPassword: passwordHash !== null }
}

/** The active account of the session cookie among these cookies, or null (none, forged, expired, ended, deactivated). */
export async function findCookieSessionUser(cookies: SessionCookies): Promise<CurrentUser | null> {
  const claims = await sessionClaims(cookies)
  return claims === null ? null : findSessionUser(claims)
}
