// The live pages' event streams (GET /api/lives/<slug>/events), served by server.ts outside Next.js
// (see there why). The same access rule as the page (findViewableLive: anonymous visitors of a
// restricted live get 401, an unknown live 404), the same error bodies and security headers as the
// app's route handlers. The stream closes when the viewer loses access (openLiveEventStream's guard:
// the session and the rule read again at each heartbeat, and at once when the account's sessions end).
import { randomUUID } from "node:crypto"
import type { IncomingMessage, ServerResponse } from "node:http"

import { parse as parseCookies } from "cookie"

import { getRequestUser } from "@/lib/auth/get-request-user"
import { openLiveEventStream } from "@/lib/chat/open-live-event-stream"
import { writeSseStream } from "@/lib/events/sse"
import { canStillViewLive } from "@/lib/lives/can-still-view-live"
import { findViewableLive } from "@/lib/lives/find-viewable-live"
import { BROWSER_ID_PATTERN, VIEWER_COOKIE } from "@/lib/lives/track-live-viewer"
import { isHttpsApp } from "@/lib/config/env"
import { liveEventsPath } from "@/lib/config/front-contract"

import { nodeSecurityHeaders, serveOrRefuse } from "./node-response"

export function serveLiveEvents(request: IncomingMessage, response: ServerResponse, slug: string): Promise<void> {
  const pathname = liveEventsPath(slug)
  return serveOrRefuse(request, response, pathname, async () => {
    const user = await getRequestUser(request)
    const live = await findViewableLive(slug, user)
    if (request.destroyed) return
    const browser = user ? null : anonymousBrowser(request)
    writeSseStream(
      response,
      (send, end) =>
        openLiveEventStream(
          live,
          send,
          user,
          { end, isStillAllowed: async () => canStillViewLive({ slug, openedBy: user, viewerNow: await getRequestUser(request) }) },
          browser?.id,
        ),
      { ...nodeSecurityHeaders(pathname), ...(browser?.setCookie ? { "Set-Cookie": browser.setCookie } : {}) },
    )
  })
}

/** An anonymous browser (its cookie, lib/lives/track-live-viewer.ts): its tabs count as one viewer. */
function anonymousBrowser(request: IncomingMessage): { id: string; setCookie?: string } {
  const existing = parseCookies(request.headers.cookie ?? "")[VIEWER_COOKIE]
  if (existing && BROWSER_ID_PATTERN.test(existing)) return { id: existing }
  const id = randomUUID()
  const secure = isHttpsApp() ? "; Secure" : ""
  return { id, setCookie: `${VIEWER_COOKIE}=${id}; Path=/api/lives; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}` }
}
