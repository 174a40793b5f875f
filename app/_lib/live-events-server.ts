// The live pages' event streams (GET /api/lives/<slug>/events), served by server.ts outside Next.js
// (see there why). The same access rule as the page (findViewableLive: anonymous visitors of a
// restricted live get 401, an unknown live 404), the same error bodies and security headers as the
// app's route handlers.
import type { IncomingMessage, ServerResponse } from "node:http"

import { getRequestUser } from "@/lib/auth/get-request-user"
import { getEnv } from "@/lib/config/env"
import { isAppError, type AppErrorCode } from "@/lib/errors"
import { writeSseStream } from "@/lib/events/sse"
import { findViewableLive } from "@/lib/lives/find-viewable-live"
import { openLiveEventStream } from "@/lib/lives/open-live-event-stream"
import { logger } from "@/lib/logger"
import { createNonce, securityHeaders } from "@/lib/security/security-headers"

import { httpStatus } from "./http-status"

export const LIVE_EVENTS_PATH = /^\/api\/lives\/([^/]+)\/events\/?$/

function headersFor(pathname: string): Record<string, string> {
  return securityHeaders({ nonce: createNonce(), pathname, settings: getEnv() })
}

function refuse(response: ServerResponse, pathname: string, code: AppErrorCode): void {
  response.writeHead(httpStatus(code), { ...headersFor(pathname), "Content-Type": "application/json", "Cache-Control": "no-store" })
  response.end(JSON.stringify({ code }))
}

export async function serveLiveEvents(request: IncomingMessage, response: ServerResponse, slug: string): Promise<void> {
  const pathname = `/api/lives/${encodeURIComponent(slug)}/events`
  try {
    const user = await getRequestUser(request)
    const live = await findViewableLive(slug, user)
    if (request.destroyed) return
    writeSseStream(response, (send) => openLiveEventStream(live, send), headersFor(pathname))
  } catch (error) {
    if (isAppError(error)) return refuse(response, pathname, error.code)
    logger.error({ err: error, url: request.url }, "live event stream failed")
    if (!response.headersSent) refuse(response, pathname, "INTERNAL")
    else response.destroy()
  }
}
