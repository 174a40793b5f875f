// Who is signed in, for a request served outside Next.js (server.ts: the live pages' event streams):
// the same session cookie and the same account check as getCurrentUser (lib/auth/session.ts).
import type { IncomingMessage } from "node:http"

import { parse as parseCookies } from "cookie"

import { findCookieSessionUser, type CurrentUser } from "./find-session-user"

export function getRequestUser(request: IncomingMessage): Promise<CurrentUser | null> {
  return findCookieSessionUser(parseCookies(request.headers.cookie ?? ""))
}
