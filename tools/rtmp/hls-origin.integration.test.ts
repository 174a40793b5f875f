// The shipped HLS origin (deploy/hls-origin: nginx-rtmp + hls-transcode.sh), rendered by tools/rtmp and
// fed by ffmpeg test streams as a streamer would: the rendition ladder and its master playlist, never
// upscaled, from awkward inputs (odd size, 10 s GOP, sound only), a transcoder that dies and comes back
// with the live's playlist kept, and the restricted lives' signed URLs checked by nginx itself.
import { spawn, type ChildProcess } from "node:child_process"
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { hlsToken, signHlsUrl } from "@/lib/lives/hls-token"

import { freePort, renderHlsOrigin, startRtmpServer, type HlsOriginValues, type RtmpServer } from "./server"

const SECRET = "origin-test-secret-0123456789"
let dir: string
let origin: RtmpServer
const streamers: ChildProcess[] = []

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "hls-origin-"))
  origin = await startRtmpServer({ dir, rtmpPort: await freePort(), httpPort: await freePort(), tokenSecret: SECRET })
})
afterAll(async () => {
  await Promise.all(streamers.map((s) => (s.exitCode === null && s.signalCode === null ? new Promise((r) => { s.once("exit", r); s.kill("SIGKILL") }) : null)))
  await origin?.close()
  await rm(dir, { recursive: true, force: true })
})

/** A streamer: ffmpeg's test pattern (and a tone) pushed as RTMP, small frame rate to stay cheap. */
function push(name: string, o: { size?: string; gop?: number; audioOnly?: boolean }) {
  const video = o.audioOnly ? [] : ["-f", "lavfi", "-i", `testsrc2=size=${o.size}:rate=10`]
  const codecs = o.audioOnly ? [] : ["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", String(o.gop ?? 20)]
  const args = ["-hide_banner", "-loglevel", "error", "-re", ...video, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", ...codecs, "-c:a", "aac", "-f", "flv", `${origin.rtmpBase}${name}`]
  const child = spawn("ffmpeg", args, { stdio: "ignore" })
  streamers.push(child)
  return child
}

async function text(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { cache: "no-store" })
  return { status: response.status, body: await response.text() }
}

/** Polls `url` until `done(body)`; returns that body. */
async function until(url: string, done: (body: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { status, body } = await text(url).catch(() => ({ status: 0, body: "" }))
    if (status === 200 && done(body)) return body
    if (Date.now() > deadline) throw new Error(`${url}: not ready after ${timeoutMs} ms (last: ${status} ${body.slice(0, 300)})`)
    await new Promise((r) => setTimeout(r, 300))
  }
}

const segments = (playlist: string) => playlist.split("\n").filter((l) => l.endsWith(".ts"))
const sequence = (playlist: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(playlist)?.[1] ?? -1)

describe("the rendition ladder", () => {
  it("turns each stream into 720p / 360p / sound only with 1 s fragments, never upscaled, whatever the input", { timeout: 90_000 }, async () => {
    push("odd-gop10", { size: "1366x768", gop: 100 }) // odd size, a keyframe every 10 s
    push("small", { size: "320x180" })
    push("sound", { audioOnly: true })
    const [odd, small, sound] = await Promise.all(
      ["odd-gop10", "small", "sound"].map((name) => until(`${origin.hlsBase}${name}.m3u8`, (b) => b.includes("#EXT-X-STREAM-INF"), 45_000)),
    )

    // 1366×768 with a 10 s GOP: the full ladder, each rendition described for the player's choice.
    const infs = odd!.split("\n").filter((l) => l.startsWith("#EXT-X-STREAM-INF"))
    expect(infs).toHaveLength(3)
    expect(infs[0]).toMatch(/BANDWIDTH=2[0-9]{6},RESOLUTION=1280x720,CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/)
    expect(infs[1]).toMatch(/BANDWIDTH=[89][0-9]{5},RESOLUTION=640x360,CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/)
    expect(infs[2]).toMatch(/BANDWIDTH=[5-9][0-9]{4},CODECS="mp4a\.40\.2"/)
    expect(odd).toContain("odd-gop10_720p.m3u8")
    // Keyframes every second despite the input's 10 s GOP: 1 s fragments.
    const hd = await until(`${origin.hlsBase}odd-gop10_720p.m3u8`, (b) => segments(b).length >= 3, 45_000)
    expect(hd).toContain("#EXT-X-TARGETDURATION:1")
    const durations = hd.split("\n").filter((l) => l.startsWith("#EXTINF")).map((l) => Number(l.slice(8, -1)))
    expect(Math.max(...durations)).toBeLessThanOrEqual(1.05)
    const fragment = await fetch(new URL(segments(hd)[0]!, origin.hlsBase))
    expect(fragment.status).toBe(200)
    expect(fragment.headers.get("content-type")).toBe("video/mp2t")

    // 320×180: no 360p or 720p made up from it, the input's own size instead; sound alone too.
    const smallInfs = small!.split("\n").filter((l) => l.startsWith("#EXT-X-STREAM-INF"))
    expect(smallInfs.map((l) => /RESOLUTION=(\w+)/.exec(l)?.[1] ?? "audio")).toEqual(["320x180", "audio"])
    // Sound only: a ladder of one, playable.
    expect(sound!.split("\n").filter((l) => l.startsWith("#EXT-X-STREAM-INF"))).toEqual([expect.stringMatching(/CODECS="mp4a\.40\.2"$/)])
    await until(`${origin.hlsBase}sound_audio.m3u8`, (b) => segments(b).length >= 2, 20_000)
  })

  it("starts a transcoder that dies again, and the live keeps its playlist", { timeout: 60_000 }, async () => {
    push("crash", { size: "320x180" })
    const before = await until(`${origin.hlsBase}crash_180p.m3u8`, (b) => segments(b).length >= 3, 30_000)
    const transcoder = await findTranscoder("crash")
    process.kill(transcoder, "SIGKILL")
    // Respawned within seconds: the same playlist goes on (numbers continue, a discontinuity marks the cut).
    const after = await until(`${origin.hlsBase}crash_180p.m3u8`, (b) => sequence(b) + segments(b).length > sequence(before) + segments(before).length + 2, 30_000)
    expect(after).toContain("#EXT-X-DISCONTINUITY")
    expect(await findTranscoder("crash")).not.toBe(transcoder)
  })
})

/** The pid of the ffmpeg transcoding `name` (a child of nginx, not a streamer: it writes HLS). */
async function findTranscoder(name: string): Promise<number> {
  const { readdir } = await import("node:fs/promises")
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")
    if (cmdline.includes("-f\0hls") && cmdline.includes(`${dir}/hls/${name}_%v.m3u8`)) return Number(pid)
  }
  throw new Error(`no transcoder for ${name}`)
}

describe("restricted lives' media (secure_link)", () => {
  const master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=950400,RESOLUTION=640x360\nprivate-live1-abc_360p.m3u8\n"

  it("serves a private stream only under a valid, unexpired token of that stream; public streams as they are", async () => {
    await writeFile(path.join(origin.hlsDir, "private-live1-abc.m3u8"), master)
    await writeFile(path.join(origin.hlsDir, "private-live1-abc_360p.m3u8"), "#EXTM3U\n#EXTINF:1.0,\nprivate-live1-abc_360p_7.ts\n")
    await writeFile(path.join(origin.hlsDir, "private-live1-abc_360p_7.ts"), "TS")
    await writeFile(path.join(origin.hlsDir, "public-live2.m3u8"), "#EXTM3U\n")
    const bare = `${origin.hlsBase}private-live1-abc.m3u8`

    const signed = signHlsUrl(bare, { secret: SECRET, ttlSeconds: 600 })
    expect(signed.url).toMatch(new RegExp(`^${origin.hlsBase}[A-Za-z0-9_-]{22}/\\d+/private-live1-abc\\.m3u8$`))
    expect(await text(signed.url)).toEqual({ status: 200, body: master })
    // The variant playlist and its fragments, named relatively, inherit the signed path.
    expect((await text(new URL("private-live1-abc_360p.m3u8", signed.url).toString())).status).toBe(200)
    expect(await text(new URL("private-live1-abc_360p_7.ts", signed.url).toString())).toEqual({ status: 200, body: "TS" })

    // Refused: the bare URL (as its broadcaster stores it), an expired token, a forged one, another
    // stream's token, a token stretched to a later expiry.
    const expired = signHlsUrl(bare, { secret: SECRET, ttlSeconds: 600, now: new Date(Date.now() - 601_000) })
    const forged = signHlsUrl(bare, { secret: "not-the-origin-secret-000", ttlSeconds: 600 })
    const other = signHlsUrl(`${origin.hlsBase}private-live9-xyz.m3u8`, { secret: SECRET, ttlSeconds: 600 }).url.replace("private-live9-xyz", "private-live1-abc")
    const [, token, expires] = /([A-Za-z0-9_-]{22})\/(\d+)\//.exec(signed.url)!
    const stretched = signed.url.replace(`${token}/${expires}/`, `${token}/${Number(expires) + 3600}/`)
    for (const url of [bare, `${origin.hlsBase}private-live1-abc_360p_7.ts`, expired.url, forged.url, other, stretched]) {
      expect({ url, status: (await text(url)).status }).toEqual({ url, status: 403 })
    }
    // The refusal is readable by a player on another origin (it can then say the access expired).
    expect((await fetch(bare)).headers.get("access-control-allow-origin")).toBe("*")

    // A public stream needs nothing; a public name under a token path is not a way around anything.
    expect(signHlsUrl(`${origin.hlsBase}public-live2.m3u8`, { secret: SECRET, ttlSeconds: 600 })).toEqual({ url: `${origin.hlsBase}public-live2.m3u8`, expiresAt: null })
    expect((await text(`${origin.hlsBase}public-live2.m3u8`)).status).toBe(200)
    expect((await text(`${origin.hlsBase}${hlsToken("public-live2", 9_999_999_999, SECRET)}/9999999999/public-live2.m3u8`)).status).toBe(403)
  })
})

describe("renderHlsOrigin", () => {
  const values: HlsOriginValues = {
    MAIN: "",
    RTMP_LISTEN: "1935",
    RTMP_APP: "live",
    RTMP_LOCAL: "rtmp://127.0.0.1:1935",
    HTTP_LISTEN: "80",
    HLS_PATH: "/hls/",
    HLS_DIR: "/var/lib/nginx-hls",
    TRANSCODER: "/usr/local/bin/bbb-hls-transcode",
    FFMPEG: "/usr/bin/ffmpeg",
    FFPROBE: "/usr/bin/ffprobe",
    TRANSCODE_LOG: "/var/log/nginx/hls-transcode.log",
    HLS_TOKEN_SECRET: "s3cret-s3cret-s3cret",
  }
  it("fills every placeholder and refuses a value that would change nginx's configuration", async () => {
    const template = await readFile(path.resolve(import.meta.dirname, "../../deploy/hls-origin/nginx-rtmp.conf.template"), "utf8")
    const rendered = renderHlsOrigin(template, values)
    expect(rendered).not.toMatch(/\{\{/)
    expect(rendered).toContain('secure_link_md5 "$hls_expires$hls_stream s3cret-s3cret-s3cret";')
    expect(() => renderHlsOrigin(template, { ...values, HLS_TOKEN_SECRET: 'x"; return 200; #' })).toThrow(/HLS_TOKEN_SECRET/)
    expect(() => renderHlsOrigin(`${template}\n{{NEW_ONE}}`, values)).toThrow(/NEW_ONE/)
  })
})
