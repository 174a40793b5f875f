// Who is signed in, read on the server. Every page, action and route calls one of these; the proxy
// only redirects anonymous visitors and is never the check.
import { cookies } from "next/headers"
import { cache } from "react"

import { AppError } from "@/lib/errors"

import { findCookieSessionUser, type CurrentUser } from "./find-session-user"
import { hasRole, type RequiredRole } from "./roles"

export type { CurrentUser }
export { hasRole, type RequiredRole } from "./roles"

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => findCookieSessionUser(await cookies()))

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) throw new AppError("UNAUTHENTICATED")
  return user
}

export async function requireRole(role: RequiredRole): Promise<CurrentUser> {
  const user = await requireUser()
  if (!hasRole(user, role)) throw new AppError("FORBIDDEN", { details: { userId: user.id, role } })
  return user
}
