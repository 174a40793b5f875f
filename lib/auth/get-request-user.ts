// Who is signed in, for a request served outside Next.js (server.ts: the live pages' event streams)
// or read from its headers alone (a route that must not depend on Next's request scope, such as
// the health endpoints): the same session cookie and the same account check as getCurrentUser
// (lib/auth/session.ts).
import type { IncomingMessage } from "node:http"

import { parse as parseCookies } from "cookie"

import { findCookieSessionUser, type CurrentUser } from "./find-session-user"

export function getRequestUser(request: IncomingMessage | { headers: Headers }): Promise<CurrentUser | null> {
  const cookie = request.headers instanceof Headers ? request.headers.get("cookie") : request.headers.cookie
  return findCookieSessionUser(parseCookies(cookie ?? ""))
}
