// A fresh signed URL of a restricted live's media, asked by its player before the current one
// expires (components/lives/hls-media-token.ts): { url, expiresAt }. Same access rule as the page.
import { getLiveMediaUrl } from "@/lib/lives/get-live-media-url"
import type { LiveMediaUrlAnswer } from "@/lib/lives/schemas"

import { route } from "@/app/_lib/adapters"

export const dynamic = "force-dynamic"

export const GET = route<{ slug: string }>({ access: "public" }, async ({ params, user }): Promise<LiveMediaUrlAnswer> => {
  const media = await getLiveMediaUrl(params.slug, user)
  return { url: media.url, expiresAt: media.expiresAt?.toISOString() ?? null }
})
