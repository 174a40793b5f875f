// Who a live page is for (the proxy's and the nginx front's question), by the same rule as the page
// itself: a live on air, a restricted one, an ended one whose broadcaster went (real PostgreSQL).
import { expect, it } from "vitest"

import { failLive } from "@/lib/streamers/fail-live"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { checkLivePageAccess } from "./check-live-page-access"
import { findLivePageAudience } from "./find-live-page-audience"

it("says a public live's page is for anyone, a restricted one's for members, signed in or refused", async () => {
  const student = await seedUser()
  const { broadcaster: open } = await seedViewableLive()
  const { broadcaster: restricted } = await seedViewableLive({ isRestricted: true })
  await expect(findLivePageAudience(open.slug)).resolves.toBe("public")
  await expect(checkLivePageAccess(open.slug, null)).resolves.toBe("public")
  await expect(findLivePageAudience(restricted.slug)).resolves.toBe("members")
  await expect(checkLivePageAccess(restricted.slug, student)).resolves.toBe("members")
  await expect(checkLivePageAccess(restricted.slug, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
})

it("still says so once the live ended and its broadcaster went, and 'none' for an address no live had", async () => {
  const { live, broadcaster } = await seedViewableLive({ isRestricted: true })
  await failLive({ liveId: live.id, reason: "STREAM_STALLED" })
  await expect(findLivePageAudience(broadcaster.slug)).resolves.toBe("members")
  await expect(checkLivePageAccess(broadcaster.slug, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
  await expect(findLivePageAudience("no-such-live")).resolves.toBeNull()
  await expect(checkLivePageAccess("no-such-live", null)).resolves.toBe("none")
})
