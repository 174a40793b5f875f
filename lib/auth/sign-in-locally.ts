// A password sign-in under the LOCAL_SIGN_IN policy. With LOCAL_SIGN_IN=false only the break-glass
// admin account (BREAK_GLASS_ADMIN, typed as its username) may sign in with a password, and every
// such sign-in is logged; any other login is refused before its password is looked at.
import { getEnv } from "@/lib/config/env"
import { logger } from "@/lib/logger"

import { signInWithPassword, type SignInResult } from "./sign-in-with-password"

export async function signInLocally(input: unknown, context: { ip: string }): Promise<SignInResult> {
  const env = getEnv()
  if (env.LOCAL_SIGN_IN) return signInWithPassword(input, context)
  const login = typeof input === "object" && input !== null ? (input as { username?: unknown }).username : undefined
  const breakGlass = env.BREAK_GLASS_ADMIN?.toLowerCase()
  if (!breakGlass || typeof login !== "string" || login.trim().toLowerCase() !== breakGlass) {
    logger.info({ ip: context.ip }, "password sign-in refused: LOCAL_SIGN_IN=false")
    return { ok: false, delayMs: 0 }
  }
  const result = await signInWithPassword(input, context)
  if (!result.ok) {
    logger.warn({ ip: context.ip, username: breakGlass }, "break-glass admin: failed password sign-in")
    return result
  }
  if (result.user.role !== "ADMIN") {
    logger.error({ ip: context.ip, userId: result.user.id }, "BREAK_GLASS_ADMIN names an account that is not an admin: sign-in refused")
    return { ok: false, delayMs: 0 }
  }
  logger.warn({ ip: context.ip, userId: result.user.id, username: breakGlass }, "break-glass admin signed in with a password (LOCAL_SIGN_IN=false)")
  return result
}
