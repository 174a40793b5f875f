// POST { rendition }: the rendition a live page's player plays now ("360p", "audio"…), for the
// audience samples (issue 23). The viewer is the page's: the signed-in account, or the anonymous
// browser's cookie its event stream set. Same access rule as the page.
import { parse as parseCookies } from "cookie"

import { reportViewerRendition } from "@/lib/lives/report-viewer-rendition"
import { liveRenditionBodySchema } from "@/lib/lives/schemas"
import { BROWSER_ID_PATTERN, VIEWER_COOKIE } from "@/lib/lives/track-live-viewer"

import { route } from "@/app/_lib/adapters"

export const dynamic = "force-dynamic"

export const POST = route<{ slug: string }>({ access: "public" }, async ({ request, params, user }) => {
  const { rendition } = liveRenditionBodySchema.parse(await request.json().catch(() => null))
  const cookie = parseCookies(request.headers.get("cookie") ?? "")[VIEWER_COOKIE]
  const browserId = cookie && BROWSER_ID_PATTERN.test(cookie) ? cookie : undefined
  return reportViewerRendition({ slug: params.slug, rendition }, { user, browserId })
})
