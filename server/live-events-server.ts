// The live pages' event streams (GET /api/lives/<slug>/events), served by server.ts outside Next.js
// (see there why). The same access rule as the page (findViewableLive: anonymous visitors of a
// restricted live get 401, an unknown live 404), the same error bodies and security headers as the
// app's route handlers. The stream closes when the viewer loses access (openLiveEventStream's guard:
// the session and the rule read again at each heartbeat, and at once when the account's sessions end).
import type { IncomingMessage, ServerResponse } from "node:http"

import { getRequestUser } from "@/lib/auth/get-request-user"
import { openLiveEventStream } from "@/lib/chat/open-live-event-stream"
import { writeSseStream } from "@/lib/events/sse"
import { canStillViewLive } from "@/lib/lives/can-still-view-live"
import { findViewableLive } from "@/lib/lives/find-viewable-live"
import { liveEventsPath } from "@/lib/config/front-contract"

import { nodeSecurityHeaders, serveOrRefuse } from "./node-response"

export function serveLiveEvents(request: IncomingMessage, response: ServerResponse, slug: string): Promise<void> {
  const pathname = liveEventsPath(slug)
  return serveOrRefuse(request, response, pathname, async () => {
    const user = await getRequestUser(request)
    const live = await findViewableLive(slug, user)
    if (request.destroyed) return
    writeSseStream(
      response,
      (send, end) =>
        openLiveEventStream(live, send, user, {
          end,
          isStillAllowed: async () => canStillViewLive({ slug, openedBy: user, viewerNow: await getRequestUser(request) }),
        }),
      nodeSecurityHeaders(pathname),
    )
  })
}
