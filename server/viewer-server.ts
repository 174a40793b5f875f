// Two questions about the visitor, asked on every view of a members' page (lib/security/shared-cache.ts)
// and so served by server.ts outside Next.js, at the cost of a session read and one query or two:
// - GET /api/me: who is signed in ({ viewer: { firstName, lastName, role, hasPassword } | null }), for the header
//   of a page rendered for every member (components/layout/header-viewer.ts);
// - GET /api/lives/<slug>/access: may this visitor see this live page? The nginx front's
//   auth_request before it serves a members' copy: 204 with `X-Live-Audience: public | members |
//   none`, or 401 (then the front lets the app answer: the sign-in redirect).
import type { IncomingMessage, ServerResponse } from "node:http"

import { getRequestUser } from "@/lib/auth/get-request-user"
import { checkLivePageAccess } from "@/lib/lives/check-live-page-access"
import { LIVE_AUDIENCE_HEADER, liveAccessPath, ME_PATHNAME } from "@/lib/config/front-contract"

import { nodeSecurityHeaders, serveOrRefuse, writeJson } from "./node-response"

export function serveMe(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const pathname = ME_PATHNAME
  return serveOrRefuse(request, response, pathname, async () => {
    const user = await getRequestUser(request)
    const viewer = user && { firstName: user.firstName, lastName: user.lastName, role: user.role, hasPassword: user.hasPassword }
    writeJson(response, pathname, 200, { viewer })
  })
}

export function serveLivePageAccess(request: IncomingMessage, response: ServerResponse, slug: string): Promise<void> {
  const pathname = liveAccessPath(slug)
  return serveOrRefuse(request, response, pathname, async () => {
    const audience = await checkLivePageAccess(slug, await getRequestUser(request))
    response.writeHead(204, { ...nodeSecurityHeaders(pathname), "Cache-Control": "private, no-store", [LIVE_AUDIENCE_HEADER]: audience })
    response.end()
  })
}
