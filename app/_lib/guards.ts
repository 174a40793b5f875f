// Page guards: anonymous visitors go to sign-in with a return URL; signed-in users without the role
// get the 403 page. Actions and routes use lib/auth/session.ts's require* (errors as values).
import { forbidden, redirect } from "next/navigation"

import { getCurrentUser, hasRole, type CurrentUser, type RequiredRole } from "@/lib/auth/session"

export function loginUrl(returnTo: string): string {
  return `/login?callbackUrl=${encodeURIComponent(returnTo)}`
}

export async function requirePageUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) redirect(loginUrl(returnTo))
  return user
}

export async function requirePageRole(role: RequiredRole, returnTo: string): Promise<CurrentUser> {
  const user = await requirePageUser(returnTo)
  if (!hasRole(user, role)) forbidden()
  return user
}
