// Who a live page is for (the proxy's and the nginx front's question), by the same rule as the page
// itself: a live on air, a restricted one, an ended one whose broadcaster went (real PostgreSQL).
import { expect, it } from "vitest"

import { db } from "@/lib/db"
import { failLive } from "@/lib/streamers/fail-live"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { AUDIENCE_MEMO_MS, checkLivePageAccess } from "./check-live-page-access"
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

it("remembers a page's audience for a second, then sees its change", async () => {
  const student = await seedUser()
  const { live, broadcaster } = await seedViewableLive({ isRestricted: true })
  await expect(checkLivePageAccess(broadcaster.slug, student)).resolves.toBe("members")
  await db.broadcaster.update({ where: { id: broadcaster.id }, data: { isRestricted: false } })
  await db.live.update({ where: { id: live.id }, data: { isRestricted: false } })
  // Within the second: the members' copy still, which a signed-in visitor may see anyway.
  await expect(checkLivePageAccess(broadcaster.slug, student)).resolves.toBe("members")
  await expect(checkLivePageAccess(broadcaster.slug, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
  await new Promise((resolve) => setTimeout(resolve, AUDIENCE_MEMO_MS + 50))
  await expect(checkLivePageAccess(broadcaster.slug, null)).resolves.toBe("public")
})
