// Whether this render is shared by an audience (lib/security/shared-cache.ts), as proxy.ts decided it
// for this request. A "members" render reads nothing of the visitor beyond the access check: the
// header learns the account in the browser, the chat treats the viewer as any member.
import { headers } from "next/headers"

import { SHARED_RENDER_HEADER, type SharedAudience } from "@/lib/security/shared-cache"

/** A members' render: the same bytes for every signed-in member, so nothing of the visitor in it. */
export async function isMembersRender(): Promise<boolean> {
  return (await headers()).get(SHARED_RENDER_HEADER) === ("members" satisfies SharedAudience)
}
