// Who is signed in, for a request served outside Next.js (server.ts: the live pages' event streams):
// the same session cookie and the same account check as getCurrentUser (lib/auth/session.ts).
import type { IncomingMessage } from "node:http"

import { parse as parseCookies } from "cookie"

import { findSessionUser, type CurrentUser } from "./find-session-user"
import { sessionUserId } from "./session-cookie"

export async function getRequestUser(request: IncomingMessage): Promise<CurrentUser | null> {
  const uid = await sessionUserId(parseCookies(request.headers.cookie ?? ""))
  return uid === null ? null : findSessionUser(uid)
}
