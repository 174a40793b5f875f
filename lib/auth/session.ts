// Who is signed in, read on the server. Every page, action and route calls one of these; the proxy
// only redirects anonymous visitors and is never the check.
import { getServerSession } from "next-auth"
import { cache } from "react"

import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { getAuthOptions } from "./options"

export type CurrentUser = {
  id: number
  role: "ADMIN" | "TEACHER" | "STUDENT"
  firstName: string
  lastName: string
  email: string
  username: string
}

/** Role required by a page or action: admins hold every role (they are superusers). */
export type RequiredRole = "teacher" | "admin"

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(getAuthOptions())
  const uid = (session as { uid?: number } | null)?.uid
  if (typeof uid !== "number") return null
  return db.user.findFirst({
    where: { id: uid, isActive: true },
    select: { id: true, role: true, firstName: true, lastName: true, email: true, username: true },
  })
})

export function hasRole(user: Pick<CurrentUser, "role">, role: RequiredRole): boolean {
  if (user.role === "ADMIN") return true
  return role === "teacher" && user.role === "TEACHER"
}

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
