import type { Env } from "@/lib/config/env"

/**
 * Whether the sign-in page shows the password form: with local accounts, unless LOCAL_SIGN_IN=false,
 * where only the break-glass admin's address (/login?local=1) shows it (the server still refuses
 * every other account, lib/auth/sign-in-locally.ts).
 */
export function passwordFormShown(env: Pick<Env, "AUTH_LOCAL_ACCOUNTS" | "LOCAL_SIGN_IN">, query: { local?: string }): boolean {
  return env.AUTH_LOCAL_ACCOUNTS && (env.LOCAL_SIGN_IN || query.local === "1")
}
