// Issue 28 item 4: at each heartbeat, a live page's stream re-checks its viewer's access with the
// session and the live read again, and ends when it is lost (real PostgreSQL; a short heartbeat).
import { describe, expect, it } from "vitest"

import { openLiveEventStream } from "@/lib/chat/open-live-event-stream"
import { db } from "@/lib/db"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { canStillViewLive } from "./can-still-view-live"

describe("live event streams and lost access", () => {
  it("at a heartbeat, a stream whose viewer lost access ends: an anonymous viewer of a live turned restricted, a deactivated account", async () => {
    const { live, broadcaster } = await seedViewableLive({ enableChat: true })
    const student = await seedUser()
    const viewerNow: { current: { id: number } | null } = { current: student }

    const run = (openedBy: { id: number } | null) =>
      new Promise<"ended">((resolve) => {
        const close = openLiveEventStream({ liveId: live.id, status: "RUNNING", enableChat: true }, () => undefined, openedBy, {
          end: () => {
            close()
            resolve("ended")
          },
          isStillAllowed: () => canStillViewLive({ slug: broadcaster.slug, openedBy, viewerNow: openedBy ? viewerNow.current : null }),
          everyMs: 50,
        })
      })

    // Still allowed: the re-check says so (and the stream stays open meanwhile).
    expect(await canStillViewLive({ slug: broadcaster.slug, openedBy: null, viewerNow: null })).toBe(true)
    const anonymous = run(null)
    await db.broadcaster.update({ where: { id: broadcaster.id }, data: { isRestricted: true } })
    expect(await anonymous).toBe("ended")

    // The student's session reads as nobody once the account is deactivated (no notice here).
    const signedIn = run(student)
    viewerNow.current = null
    expect(await signedIn).toBe("ended")
  })
})
