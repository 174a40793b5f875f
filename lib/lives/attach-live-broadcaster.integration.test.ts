// A live page's address is its session's: every live of one BBB session gets the address of the
// first, another session never takes it (even under the same name), and the address always applies
// the rule of the session's current live: a new restricted live is not shown through the link of an
// earlier public one.
import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { seedMeeting, seedUser, uniqueSuffix } from "@/prisma/seed/factories"

import { attachLiveBroadcaster } from "./attach-live-broadcaster"
import { findLivePageAudience } from "./find-live-page-audience"
import { findViewableLive } from "./find-viewable-live"

/** A live of the meeting, starting (what the orchestrator hands the agent), and its broadcaster. */
async function startLive(meeting: { id: number; name: string }, requestedById: number, isRestricted: boolean): Promise<{ liveId: number; slug: string }> {
  const streamKey = `key${uniqueSuffix()}`
  const live = await db.live.create({
    data: { meetingId: meeting.id, activeMeetingId: meeting.id, requestedById, status: "STARTING", streamKey, isRestricted },
    select: { id: true },
  })
  await db.$transaction((tx) => attachLiveBroadcaster(tx, { id: live.id, meetingName: meeting.name, streamKey, isRestricted }))
  await db.live.update({ where: { id: live.id }, data: { status: "RUNNING", startedAt: new Date() } })
  const { pageSlug } = await db.live.findUniqueOrThrow({ where: { id: live.id }, select: { pageSlug: true } })
  return { liveId: live.id, slug: pageSlug! }
}

/** What the agent leaves when a live ends: STOPPED, its broadcaster gone, its address kept. */
async function endLive(liveId: number): Promise<void> {
  const { broadcasterId } = await db.live.findUniqueOrThrow({ where: { id: liveId }, select: { broadcasterId: true } })
  await db.live.update({ where: { id: liveId }, data: { status: "STOPPED", endedAt: new Date(), activeMeetingId: null, broadcasterId: null } })
  await db.broadcaster.delete({ where: { id: broadcasterId! } })
}

describe("the live page address", () => {
  it("is the session's: a second live keeps the first one's address and the page applies its rule", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const student = await seedUser({ role: "STUDENT" })
    const name = `Amphi adresse ${uniqueSuffix()}`
    const meeting = await seedMeeting({ name })

    const first = await startLive(meeting, teacher.id, false)
    expect(first.slug).toMatch(/^bbb-amphi-adresse-/)
    expect(await findLivePageAudience(first.slug)).toBe("public")
    await endLive(first.liveId)

    // The teacher starts again, restricted this time: same address, the new rule applies at once.
    const second = await startLive(meeting, teacher.id, true)
    expect(second.slug).toBe(first.slug)
    expect(await findLivePageAudience(first.slug)).toBe("members")
    await expect(findViewableLive(first.slug, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
    expect(await findViewableLive(first.slug, student)).toMatchObject({ liveId: second.liveId, isRestricted: true })

    // Once it ends too, the address still answers for the newest live, with its rule.
    await endLive(second.liveId)
    await expect(findViewableLive(first.slug, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
    expect(await findViewableLive(first.slug, student)).toMatchObject({ liveId: second.liveId, status: "STOPPED" })
  })

  it("is never taken by another session of the same name", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    const name = `Cours homonyme ${uniqueSuffix()}`
    const earlier = await startLive(await seedMeeting({ name }), teacher.id, true)
    await endLive(earlier.liveId)

    const other = await startLive(await seedMeeting({ name }), teacher.id, false)
    expect(other.slug).toBe(`${earlier.slug}-${other.liveId}`)
    // The earlier session's link still shows its own (restricted, ended) live, not the new public one.
    await expect(findViewableLive(earlier.slug, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
    expect(await findLivePageAudience(other.slug)).toBe("public")
  })
})
