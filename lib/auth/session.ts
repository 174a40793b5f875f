// Who is signed in, read on the server. Every page, action and route calls one of these; the proxy
// only redirects anonymous visitors and is never the check.
import { cookies } from "next/headers"
import { decode, getToken, type JWTDecodeParams } from "next-auth/jwt"
import { cache } from "react"

import { getEnv, isHttpsApp } from "@/lib/config/env"
import { AppError } from "@/lib/errors"
import { logger } from "@/lib/logger"

import { findSessionUser, type CurrentUser } from "./find-session-user"

export type { CurrentUser }

/** Role required by a page or action: admins hold every role (they are superusers). */
export type RequiredRole = "teacher" | "admin"

/**
 * The user id of the session cookie (a JWT that next-auth encrypted with AUTH_SECRET, see
 * options.ts), or null. This reads the cookie as next-auth's getServerSession does (same cookie
 * name, chunks, secret and clock tolerance) but only decrypts it: getServerSession also runs
 * next-auth's whole request handler and re-encrypts a refreshed token that a server component
 * cannot set anyway, which doubled the cost of every signed-in render.
 */
async function sessionUserId(): Promise<number | null> {
  const env = getEnv()
  const token = await getToken({
    // The cookies only: getToken would also accept an `Authorization: Bearer` header, a session
    // never does.
    req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env.AUTH_SECRET,
    secureCookie: isHttpsApp(env),
    decode: async (params: JWTDecodeParams) => {
      try {
        return await decode(params)
      } catch (error) {
        // As getServerSession did: an expired or forged cookie is worth nothing, and is logged.
        logger.error({ code: "JWT_SESSION_ERROR", metadata: { message: (error as Error).message } }, "next-auth error")
        throw error
      }
    },
  })
  const uid = (token as { uid?: unknown } | null)?.uid
  return typeof uid === "number" ? uid : null
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const uid = await sessionUserId()
  if (uid === null) return null
  return findSessionUser(uid)
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
