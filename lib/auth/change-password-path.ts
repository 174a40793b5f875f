// « Changer mon mot de passe »: where an account holding a temporary password (an admin created it
// or reset its password) is sent after signing in, until it has chosen its own. The proxy sends every
// page request of such a session there (the session's `mcp` claim, lib/auth/session-cookie.ts); API
// calls, sign-in and sign-out pass, and so do static files.
export const CHANGE_PASSWORD_PATH = "/account/password"

/** Whether a request of a session that must change its password goes to CHANGE_PASSWORD_PATH instead. */
export function isDivertedToPasswordChange(method: string, pathname: string): boolean {
  if (method !== "GET" && method !== "HEAD") return false // server actions, forms: the page itself posts
  if (pathname === CHANGE_PASSWORD_PATH || pathname === "/login") return false
  if (pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return false
  return !/\.[a-z0-9]+$/i.test(pathname) // icon.svg, robots.txt…
}
