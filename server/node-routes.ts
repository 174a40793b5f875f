// The GET routes server.ts serves itself, outside Next.js: the live pages' event streams (open for a
// whole lecture, written to by a busy chat) and the two per-visitor questions of a members' page
// (server/viewer-server.ts), asked on every view. docs/benchmarks.md says what each saves.
import type { IncomingMessage, ServerResponse } from "node:http"

import { decodeSlug } from "@/lib/lives/decode-slug"
import { LIVE_ACCESS_PATH, LIVE_EVENTS_PATH, ME_PATH } from "@/lib/config/front-contract"

import { serveLiveEvents } from "./live-events-server"
import { serveLivePageAccess, serveMe } from "./viewer-server"

function slugIn(path: RegExp, pathname: string): string | null {
  const match = path.exec(pathname)
  return match ? decodeSlug(match[1]!) : null
}

/** Serves the request when it is one of these routes; false: Next.js answers it. */
export function serveNodeRoute(request: IncomingMessage, response: ServerResponse): boolean {
  const serve = route(request)
  if (serve) void serve(response)
  return serve !== null
}

function route(request: IncomingMessage): ((response: ServerResponse) => Promise<void>) | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null
  const pathname = (request.url ?? "/").split("?")[0]!
  if (ME_PATH.test(pathname)) return (response) => serveMe(request, response)
  const events = slugIn(LIVE_EVENTS_PATH, pathname)
  if (events !== null && request.method === "GET") return (response) => serveLiveEvents(request, response, events)
  const access = slugIn(LIVE_ACCESS_PATH, pathname)
  if (access !== null) return (response) => serveLivePageAccess(request, response, access)
  return null
}
