// Next 16 proxy (formerly middleware), run for every request:
// - sets the security headers (lib/security/security-headers.ts), with a fresh CSP nonce that it
//   also passes on in the request's Content-Security-Policy header, where Next.js reads it to mark
//   its own scripts;
// - sends anonymous visitors of protected pages to sign-in with a return URL. It is never the
//   authorisation check: every page and action checks the role;
// - marks the answers a shared cache in front (deploy/nginx/) may keep for a few seconds, with
//   X-Accel-Expires, and tells their render so (SHARED_RENDER_HEADER): an anonymous visitor's Directs
//   page and live pages, and a members-only live's page asked by a signed-in member
//   (lib/security/shared-cache.ts says why that is safe). RSC requests are not visible here (Next.js
//   strips their header and query before the proxy runs), so the front bypasses those itself;
// - sends a session holding a temporary password (an admin handed it over) to « Changer mon mot de
//   passe » from every page until the account has chosen its own (lib/auth/change-password-path.ts);
// - refuses a server action (POST with `Next-Action`) that carries no Origin: Next.js checks the
//   Origin of an action only when there is one.
import { getToken } from "next-auth/jwt"
import { NextResponse, type NextRequest } from "next/server"

import { CHANGE_PASSWORD_PATH, isDivertedToPasswordChange } from "@/lib/auth/change-password-path"
import { findCookieSessionUser } from "@/lib/auth/find-session-user"
import { sessionClaims } from "@/lib/auth/session-cookie"
import { getEnv, isHttpsApp } from "@/lib/config/env"
import { findLivePageAudience } from "@/lib/lives/find-live-page-audience"
import { CACHE_EXPIRES_HEADER } from "@/lib/config/front-contract"
import { isOriginlessServerAction } from "@/lib/security/request-origin"
import { createNonce, securityHeaders } from "@/lib/security/security-headers"
import { getSharedAudience, SHARED_RENDER_HEADER } from "@/lib/security/shared-cache"

const PROTECTED = ["/meetings", "/my-lives", "/admin", "/recordings", "/account"]

function isProtected(pathname: string): boolean {
  return PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))
}

export async function proxy(request: NextRequest) {
  const env = getEnv()
  const { pathname, search } = request.nextUrl
  const nonce = createNonce()
  const headers = securityHeaders({ nonce, pathname, settings: env })

  if (isOriginlessServerAction(request.method, request.headers)) {
    const refused = new NextResponse("Forbidden", { status: 403, headers: { "cache-control": "no-store" } })
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value)
    return refused
  }

  const audience = await getSharedAudience({
    method: request.method,
    pathname,
    cookieNames: request.cookies.getAll().map((c) => c.name),
    seconds: env.PUBLIC_PAGE_CACHE_SECONDS,
    isSignedIn: async () => (await findCookieSessionUser(request.cookies)) !== null,
    isMembersOnly: async (slug) => (await findLivePageAudience(slug)) === "members",
  })

  let response: NextResponse
  if (isDivertedToPasswordChange(request.method, pathname) && (await sessionClaims(request.cookies))?.mustChangePassword) {
    response = NextResponse.redirect(new URL(CHANGE_PASSWORD_PATH, request.url))
  } else if (isProtected(pathname) && !(await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: isHttpsApp(env) }))) {
    const login = new URL("/login", request.url)
    login.searchParams.set("callbackUrl", `${pathname}${search}`)
    response = NextResponse.redirect(login)
  } else {
    const requestHeaders = new Headers(request.headers)
    requestHeaders.set("x-nonce", nonce)
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!)
    // Only ever set here: whatever a client sent under this name is dropped.
    requestHeaders.delete(SHARED_RENDER_HEADER)
    if (audience) requestHeaders.set(SHARED_RENDER_HEADER, audience)
    response = NextResponse.next({ request: { headers: requestHeaders } })
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  if (audience) response.headers.set(CACHE_EXPIRES_HEADER, String(env.PUBLIC_PAGE_CACHE_SECONDS))
  return response
}

// Every path: static files and API answers get the headers too.
export const config = { matcher: ["/:path*"] }
