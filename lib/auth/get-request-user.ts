// Who is signed in, for a request served outside Next.js (server.ts: the live pages' event streams):
// the same session cookie and the same account check as getCurrentUser (lib/auth/session.ts).
import type { IncomingMessage } from "node:http"

import { parse as parseCookies } from "cookie"
import { getToken } from "next-auth/jwt"

import { getEnv, isHttpsApp } from "@/lib/config/env"

import { findSessionUser, type CurrentUser } from "./find-session-user"

export async function getRequestUser(request: IncomingMessage): Promise<CurrentUser | null> {
  const env = getEnv()
  const cookies = parseCookies(request.headers.cookie ?? "")
  const req = { headers: request.headers, cookies } as unknown as Parameters<typeof getToken>[0]["req"]
  const token = await getToken({ req, secret: env.AUTH_SECRET, secureCookie: isHttpsApp(env) })
  const uid = token?.uid
  return typeof uid === "number" ? findSessionUser(uid) : null
}
