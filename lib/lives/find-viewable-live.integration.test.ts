// The one access rule of a live page, and the address of a live that ended: its broadcaster is gone,
// but the page still names the live and says it ended (real PostgreSQL).
import { expect, it } from "vitest"

import { failLive } from "@/lib/streamers/fail-live"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { findLivePageAudience } from "./find-live-page-audience"
import { findViewableLive } from "./find-viewable-live"

it("finds a live on air by its page's address; a restricted one only for signed-in viewers", async () => {
  const { live, broadcaster, meeting, teacher } = await seedViewableLive({ isRestricted: true })
  await expect(findViewableLive(broadcaster.slug, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
  const student = await seedUser()
  await expect(findViewableLive(broadcaster.slug, student)).resolves.toMatchObject({
    liveId: live.id,
    slug: broadcaster.slug,
    // the session's name, without the broadcaster's technical "[BBB] " prefix
    title: meeting.name,
    meetingName: meeting.name,
    teacherName: `${teacher.firstName} ${teacher.lastName}`,
    status: "RUNNING",
    isRestricted: true,
    playlistUrl: `/api/lives/${broadcaster.slug}/playlist`,
  })
})

it("gives a restricted live's page our access-checked playlist, never nginx's URL; a public one nginx's own", async () => {
  const student = await seedUser()
  const restricted = await seedViewableLive({ isRestricted: true })
  const view = await findViewableLive(restricted.broadcaster.slug, student)
  expect(view.playlistUrl).toBe(`/api/lives/${restricted.broadcaster.slug}/playlist`)
  expect(JSON.stringify(view)).not.toContain(restricted.broadcaster.hlsUrl)
  const open = await seedViewableLive({ isRestricted: false })
  expect(open.broadcaster.hlsUrl).toMatch(/^https?:\/\//)
  expect((await findViewableLive(open.broadcaster.slug, null)).playlistUrl).toBe(open.broadcaster.hlsUrl)
  expect((await findViewableLive(open.broadcaster.slug, student)).playlistUrl).toBe(open.broadcaster.hlsUrl)
})

it("still finds a live whose broadcaster went when it ended: ended, no stream, same access rule", async () => {
  const { live, broadcaster, meeting } = await seedViewableLive({ isRestricted: true })
  await failLive({ liveId: live.id, reason: "STREAM_STALLED" })
  const student = await seedUser()
  await expect(findViewableLive(broadcaster.slug, student)).resolves.toMatchObject({
    liveId: live.id,
    slug: broadcaster.slug,
    title: meeting.name,
    status: "FAILED",
    playlistUrl: null,
  })
  await expect(findViewableLive(broadcaster.slug, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
})

it("gives no playlist once a public live ended: its stream is gone", async () => {
  const { live, broadcaster } = await seedViewableLive({ isRestricted: false })
  await failLive({ liveId: live.id, reason: "STREAM_STALLED" })
  await expect(findViewableLive(broadcaster.slug, null)).resolves.toMatchObject({ status: "FAILED", playlistUrl: null })
})

it("answers NOT_FOUND for an address no live ever had", async () => {
  await expect(findViewableLive("bbb-never-was-a-live", null)).rejects.toMatchObject({ code: "NOT_FOUND" })
})

it("answers NOT_FOUND, not a database error, for an address PostgreSQL cannot even hold (a NUL from %00)", async () => {
  await expect(findViewableLive("bbb-\u0000-live", null)).rejects.toMatchObject({ code: "NOT_FOUND" })
  await expect(findViewableLive("x".repeat(5_000), null)).rejects.toMatchObject({ code: "NOT_FOUND" })
  await expect(findLivePageAudience("bbb-\u0000-live")).resolves.toBeNull()
})
