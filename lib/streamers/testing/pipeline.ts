// Test helpers for the live pipeline: a real nginx-rtmp on free ports, settings pointing at it, and
// polling of its HLS playlists.
import { mkdtemp } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import { parseEnv, type Env } from "@/lib/config/env"
import { freePort, startRtmpServer, type RtmpServer } from "@/tools/rtmp/server"

import { readHlsProgress } from "../read-hls-progress"

export async function startTestRtmp(): Promise<RtmpServer & { dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bbb-rtmp-"))
  const server = await startRtmpServer({ dir, rtmpPort: await freePort(), httpPort: await freePort() })
  return { ...server, dir }
}

/** Settings of the test process with the pipeline's URLs and a small, cheap stream. */
export function pipelineEnv(rtmp: Pick<RtmpServer, "rtmpBase" | "hlsBase">, extra: Record<string, string> = {}): Env {
  return parseEnv({
    ...process.env,
    BBB_STREAM_URL: rtmp.rtmpBase,
    POD_HLS_STREAM: rtmp.hlsBase,
    BBB_RESOLUTION: "320x180",
    FFMPEG_STREAM_VIDEO_BITRATE: "300",
    FFMPEG_STREAM_THREADS: "1",
    STREAMER_DRIVER: "ffmpeg",
    ...extra,
  })
}

export async function waitForPlaylist(url: string, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const progress = await readHlsProgress(url)
    if (progress !== null && progress > 0) return progress
    if (Date.now() > deadline) throw new Error(`no HLS playlist at ${url} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 250))
  }
}
