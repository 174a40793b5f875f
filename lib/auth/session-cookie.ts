// The user id and session version of a session cookie (a JWT that next-auth encrypted with AUTH_SECRET, see options.ts),
// or null. Read as next-auth's getServerSession reads it (same cookie name, chunks, secret and clock
// tolerance) but only decrypted: getServerSession also runs next-auth's whole request handler and
// re-encrypts a refreshed token that a server component cannot set anyway, which doubled the cost of
// every signed-in render. Used by getCurrentUser (Next.js) and getRequestUser (server.ts).
import { decode, getToken, type JWTDecodeParams } from "next-auth/jwt"

import { getEnv, isHttpsApp } from "@/lib/config/env"
import { logger } from "@/lib/logger"

/** The request's cookies: Next's cookie store, or the parsed Cookie header of a plain Node request. */
export type SessionCookies = { getAll(): { name: string; value: string }[] } | Record<string, string | undefined>

/**
 * What a session cookie claims: its account, the account's session version when it was issued, and
 * whether the account had to choose its own password then (a temporary password an admin handed
 * over: lib/auth/change-password-path.ts). That last claim cannot go stale: choosing a password, or an
 * admin's reset, raises the session version, which ends the session.
 */
export type SessionClaims = { userId: number; sessionVersion: number; mustChangePassword?: boolean }

export async function sessionClaims(cookies: SessionCookies): Promise<SessionClaims | null> {
  const env = getEnv()
  const token = await getToken({
    // The cookies only: getToken would also accept an `Authorization: Bearer` header, a session
    // never does.
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
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
  const { uid, sv, mcp } = (token ?? {}) as { uid?: unknown; sv?: unknown; mcp?: unknown }
  if (typeof uid !== "number") return null
  // Sessions issued before session versions existed carry none: version 0, every account's first.
  return { userId: uid, sessionVersion: typeof sv === "number" ? sv : 0, ...(mcp === true ? { mustChangePassword: true } : {}) }
}
