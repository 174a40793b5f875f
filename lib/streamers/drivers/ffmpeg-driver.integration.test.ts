// The ffmpeg driver through a real nginx-rtmp: the stream becomes a playable HLS playlist, the
// recording lands in videodata/, start and stop are idempotent, and a streamer that cannot reach the
// RTMP server fails to start with the reason ffmpeg gave.
import { existsSync } from "node:fs"
import { mkdtemp, readdir, rm, stat } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { recordingsDir, StreamerError, type StreamerSpec } from "../driver"
import { pipelineEnv, startTestRtmp, waitForPlaylist } from "../testing/pipeline"
import { createFfmpegDriver } from "./ffmpeg-driver"

let rtmp: Awaited<ReturnType<typeof startTestRtmp>>
let base: string
const started: StreamerSpec[] = []

beforeAll(async () => {
  rtmp = await startTestRtmp()
  base = await mkdtemp(path.join(os.tmpdir(), "bbb-ffmpeg-"))
})
afterAll(async () => {
  // Never leave a streamer behind, even when a test failed half-way.
  const driver = createFfmpegDriver({ env: pipelineEnv(rtmp) })
  for (const s of started) await driver.stop(s.slot)
  await rtmp?.close()
  await rm(base, { recursive: true, force: true })
  await rm(rtmp.dir, { recursive: true, force: true })
})

function spec(liveId: number, slotNumber: number, extra: Partial<StreamerSpec> = {}): StreamerSpec {
  const s: StreamerSpec = {
    liveId,
    slot: { serverNumber: 1, slotNumber, workdir: path.join(base, `bbb-live-streaming${slotNumber}`), redisPort: 6378 + slotNumber, redisChannel: `chat${slotNumber}` },
    bbbMeetingId: `m-${liveId}`,
    meetingName: `Amphi « L1 » : l'été & $HOME "quoted" \`x\` #1 %{pts}`,
    streamKey: `live${liveId}-test${Date.now()}`,
    showChat: true,
    enableChat: false,
    downloadMeeting: false,
    ...extra,
  }
  started.push(s)
  return s
}

describe("ffmpeg driver", () => {
  it("streams to nginx-rtmp (HLS playable), records, is idempotent, and stops", async () => {
    const driver = createFfmpegDriver({ env: pipelineEnv(rtmp) })
    const s = spec(101, 1, { downloadMeeting: true })
    await driver.start(s)
    expect(await driver.inspect(s.slot)).toEqual({ running: true, liveId: 101 })
    await driver.start(s) // already running: nothing new
    const progress = await waitForPlaylist(`${rtmp.hlsBase}${s.streamKey}.m3u8`)
    expect(progress).toBeGreaterThan(0)

    await driver.stop(s.slot)
    expect(await driver.inspect(s.slot)).toEqual({ running: false })
    await driver.stop(s.slot) // nothing to stop: harmless
    const files = (await readdir(recordingsDir(s.slot))).filter((f) => /^meeting-\d{14}\.mkv$/.test(f))
    expect(files).toHaveLength(1)
    expect((await stat(path.join(recordingsDir(s.slot), files[0]!))).size).toBeGreaterThan(1_000)
  })

  it("replaces another live's streamer on the same slot", async () => {
    const driver = createFfmpegDriver({ env: pipelineEnv(rtmp) })
    await driver.start(spec(201, 2))
    const next = spec(202, 2)
    await driver.start(next)
    expect(await driver.inspect(next.slot)).toEqual({ running: true, liveId: 202 })
    await driver.stop(next.slot)
    expect(existsSync(path.join(next.slot.workdir, "streamer.json"))).toBe(false)
  })

  it("fails to start with ffmpeg's reason when the RTMP server does not answer", async () => {
    const driver = createFfmpegDriver({ env: pipelineEnv({ rtmpBase: "rtmp://127.0.0.1:9/live/", hlsBase: rtmp.hlsBase }) })
    const s = spec(301, 3)
    const error = await driver.start(s).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StreamerError)
    expect((error as StreamerError).message).toMatch(/ffmpeg did not start/)
    expect(await driver.inspect(s.slot)).toEqual({ running: false })
  })
})
