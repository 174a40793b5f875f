// The live's status as the database has it, for its page: a "stopped" frame on the event stream is a
// hint (issue 20), and the page asks here before telling the viewer the live ended. Same access rule
// as the page (restricted and anonymous → 401).
import { findViewableLive } from "@/lib/lives/find-viewable-live"
import type { LiveStatusAnswer } from "@/lib/lives/schemas"

import { route } from "@/app/_lib/adapters"

export const dynamic = "force-dynamic"

export const GET = route<{ slug: string }>({ access: "public" }, async ({ params, user }): Promise<LiveStatusAnswer> => {
  const live = await findViewableLive(params.slug, user)
  return { status: live.status }
})
