// Where a viewer's player loads a live: a public live's origin URL as it is, a restricted live's signed
// for HLS_TOKEN_TTL_SECONDS and only for signed-in viewers (the origin itself checks the token:
// tools/rtmp/hls-origin.integration.test.ts).
import { describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { seedUser } from "@/prisma/seed/factories"

import { getLiveMediaUrl } from "./get-live-media-url"
import { hlsToken, hlsTokenSecret } from "./hls-token"
import { seedLiveOnAir } from "./testing/seed-live-on-air"

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return "resolved"
  } catch (error) {
    return error instanceof AppError ? error.code : String(error)
  }
}

describe("getLiveMediaUrl", () => {
  it("gives anyone a public live's URL, unsigned", async () => {
    const live = await seedLiveOnAir()
    expect(await getLiveMediaUrl(live.slug, null)).toEqual({ url: live.hlsUrl, expiresAt: null })
  })

  it("signs a restricted live's URL for a signed-in viewer, for HLS_TOKEN_TTL_SECONDS; refuses anonymous visitors", async () => {
    const live = await seedLiveOnAir({ isRestricted: true })
    expect(live.streamKey.startsWith("private-")).toBe(true)
    expect(await codeOf(getLiveMediaUrl(live.slug, null))).toBe("UNAUTHENTICATED")
    const student = await seedUser()
    const now = new Date("2026-12-03T10:00:00.000Z")
    const media = await getLiveMediaUrl(live.slug, { id: student.id }, now)
    const expires = now.getTime() / 1000 + getEnv().HLS_TOKEN_TTL_SECONDS
    expect(media.expiresAt).toEqual(new Date(expires * 1000))
    const token = hlsToken(live.streamKey, expires, hlsTokenSecret(getEnv()))
    expect(media.url).toBe(live.hlsUrl.replace(`${live.streamKey}.m3u8`, `${token}/${expires}/${live.streamKey}.m3u8`))
  })

  it("says an ended live has no stream, and an unknown one is not found", async () => {
    // As a live ends: its broadcaster goes, its address stays (pageSlug).
    const ended = await seedLiveOnAir()
    await db.live.update({ where: { id: ended.liveId }, data: { status: "STOPPED", activeMeetingId: null, broadcasterId: null, pageSlug: ended.slug } })
    await db.broadcaster.delete({ where: { slug: ended.slug } })
    expect(await codeOf(getLiveMediaUrl(ended.slug, null))).toBe("STREAM_UNAVAILABLE")
    expect(await codeOf(getLiveMediaUrl("no-such-live-slug", null))).toBe("NOT_FOUND")
  })
})
