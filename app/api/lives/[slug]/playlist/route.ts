// A restricted live's player source (its page never holds a media URL): the same access rule as the
// page (anonymous → 401), then a redirect to the origin's master playlist, signed for this viewer
// (lib/lives/get-live-media-url.ts). The variant playlists and fragments are named relatively, so they
// inherit the signed path; the player renews it through ./media-url before it expires.
import { getLiveMediaUrl } from "@/lib/lives/get-live-media-url"

import { route } from "@/app/_lib/adapters"

export const dynamic = "force-dynamic"

export const GET = route<{ slug: string }>({ access: "public" }, async ({ params, user }) => {
  const media = await getLiveMediaUrl(params.slug, user)
  return new Response(null, { status: 302, headers: { Location: media.url, "Cache-Control": "private, no-store" } })
})
