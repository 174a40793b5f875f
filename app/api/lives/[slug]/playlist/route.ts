// The HLS playlist of a restricted live, given to its page instead of nginx's URL: the same access
// rule as the page (anonymous → 401); segments stay on the HLS server (see lib/lives/get-live-playlist.ts).
import { getLivePlaylist } from "@/lib/lives/get-live-playlist"

import { route } from "@/app/_lib/adapters"

export const dynamic = "force-dynamic"

export const GET = route<{ slug: string }>({ access: "public" }, async ({ params, user }) => {
  const playlist = await getLivePlaylist(params.slug, user)
  return new Response(playlist, { headers: { "Content-Type": "application/vnd.apple.mpegurl", "Cache-Control": "private, no-store" } })
})
