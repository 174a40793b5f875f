// A live's playlist through our access check, read from a real nginx (the HLS server of the live
// pipeline): segments made absolute at the HLS server, anonymous visitors refused on a restricted live.
import { mkdtemp, rm, unlink, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { AppError } from "@/lib/errors"
import { seedUser } from "@/prisma/seed/factories"
import { freePort, startRtmpServer, type RtmpServer } from "@/tools/rtmp/server"

import { absolutisePlaylist, getLivePlaylist } from "./get-live-playlist"
import { seedLiveOnAir } from "./testing/seed-live-on-air"

const PLAYLIST = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-MEDIA-SEQUENCE:4", "#EXT-X-TARGETDURATION:2", "#EXTINF:2.000,", "KEY-4.ts", "#EXTINF:2.000,", "KEY-5.ts", ""].join("\n")

let dir: string
let nginx: RtmpServer

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "playlist-test-"))
  nginx = await startRtmpServer({ dir, rtmpPort: await freePort(), httpPort: await freePort() })
})
afterAll(async () => {
  await nginx?.close()
  await rm(dir, { recursive: true, force: true })
})

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return "resolved"
  } catch (error) {
    return error instanceof AppError ? error.code : String(error)
  }
}

describe("absolutisePlaylist", () => {
  it("points segment lines and URI attributes at the playlist's server, leaves tags and blank lines", () => {
    const text = '#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="key.bin"\n#EXTINF:2.0,\nabc-1.ts\n\nhttps://cdn.example/abc-2.ts\n'
    expect(absolutisePlaylist(text, "http://hls.example:8080/hls/abc.m3u8")).toBe(
      '#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="http://hls.example:8080/hls/key.bin"\n#EXTINF:2.0,\nhttp://hls.example:8080/hls/abc-1.ts\n\nhttps://cdn.example/abc-2.ts\n',
    )
  })
})

describe("getLivePlaylist", () => {
  it("gives anyone a public live's playlist, segments at the HLS server", async () => {
    const live = await seedLiveOnAir({ hlsBase: nginx.hlsBase })
    await writeFile(path.join(nginx.hlsDir, `${live.streamKey}.m3u8`), PLAYLIST.replaceAll("KEY", live.streamKey))
    const text = await getLivePlaylist(live.slug, null)
    expect(text.split("\n").filter((l) => l.endsWith(".ts"))).toEqual([`${nginx.hlsBase}${live.streamKey}-4.ts`, `${nginx.hlsBase}${live.streamKey}-5.ts`])
    expect(text).toContain("#EXT-X-MEDIA-SEQUENCE:4")
  })

  it("refuses a restricted live's playlist to anonymous visitors and gives it to signed-in users", async () => {
    const live = await seedLiveOnAir({ hlsBase: nginx.hlsBase, isRestricted: true })
    await writeFile(path.join(nginx.hlsDir, `${live.streamKey}.m3u8`), PLAYLIST.replaceAll("KEY", live.streamKey))
    expect(await codeOf(getLivePlaylist(live.slug, null))).toBe("UNAUTHENTICATED")
    const student = await seedUser()
    expect(await getLivePlaylist(live.slug, { id: student.id })).toContain(`${nginx.hlsBase}${live.streamKey}-5.ts`)
  })

  it("says the stream is unavailable when nginx has no playlist (not started, or gone) or is down, and not found for an unknown live", async () => {
    const live = await seedLiveOnAir({ hlsBase: nginx.hlsBase })
    expect(await codeOf(getLivePlaylist(live.slug, null))).toBe("STREAM_UNAVAILABLE")
    await writeFile(path.join(nginx.hlsDir, `${live.streamKey}.m3u8`), "<html>not a playlist</html>")
    expect(await codeOf(getLivePlaylist(live.slug, null))).toBe("STREAM_UNAVAILABLE")
    await unlink(path.join(nginx.hlsDir, `${live.streamKey}.m3u8`))
    const elsewhere = await seedLiveOnAir({ hlsBase: `http://127.0.0.1:${await freePort()}/hls/` })
    expect(await codeOf(getLivePlaylist(elsewhere.slug, null))).toBe("STREAM_UNAVAILABLE")
    expect(await codeOf(getLivePlaylist("no-such-live-slug", null))).toBe("NOT_FOUND")
  })
})
