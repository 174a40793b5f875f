// npm run bench:latency — how far behind the lecture a student is (issue 21): glass-to-glass delay,
// page open → first frame, and the CPU one live's rendition ladder costs at the HLS origin.
//
// The pipeline is the production one: the ffmpeg stand-in streamer's own arguments
// (lib/streamers/drivers/ffmpeg-driver.ts, 1280×720 25 fps, veryfast/zerolatency, 2 s GOP) pushing RTMP
// to the shipped HLS origin (deploy/hls-origin, rendered by tools/rtmp: nginx-rtmp + hls-transcode.sh,
// 1 s fragments), played in Chromium by hls.js with the live page's settings
// (components/lives/live-hls.ts, LIVE_HLS_SETTINGS), letting its ABR choose the rendition.
//
// The clock read on both sides: the streamer stamps each frame with the wall clock at which it made it
// (-use_wallclock_as_timestamps, kept by -copyts) and draws that time, in 10 ms units, as 24 black or
// white blocks across the top of the picture (geq), before encoding. The player reads the blocks back
// from each frame it shows (requestVideoFrameCallback → canvas) and subtracts them from the time the
// frame is displayed (performance.timeOrigin + expectedDisplayTime). Same machine, same clock: no
// offset to estimate, and it measures exactly "produced by the streamer → shown by the player",
// whatever the transcoder, the fragments or hls.js's buffering do in between. (EXT-X-PROGRAM-DATE-TIME
// would only give the transcoder's clock when it cut a fragment, not the capture time.) A frame whose
// blocks do not decode to a plausible time (0–60 s ago) is counted as unreadable, not as a delay.
//
// Page open → first frame: a fresh page loads the player page (hls.js + the origin's master playlist)
// on a live already on air; from navigation start to the first frame painted. It is the player's
// share: the live page's own render (app + front) adds its time to first byte (bench:live-page).
//
// Ladder CPU: the transcoder's process (ffmpeg under nginx-rtmp) CPU time over the measurement,
// divided by the wall time = cores used by one live at the origin; the streamer's is printed apart.
//
// Talks only to 127.0.0.1; no database, no Redis. Figures are printed with the load average.
//
//   npm run bench:latency [-- --seconds 30 --opens 8]
import { spawn } from "node:child_process"
import { readdir, readFile, mkdtemp, rm, writeFile } from "node:fs/promises"
import http from "node:http"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "node:util"

import { chromium } from "playwright"

import { LIVE_HLS_SETTINGS } from "@/components/lives/live-hls"
import { parseEnv } from "@/lib/config/env"
import { ffmpegArgs } from "@/lib/streamers/drivers/ffmpeg-driver"
import { freePort, startRtmpServer } from "@/tools/rtmp/server"

import { max, ms, percentile, table, verdict } from "./support/figures"

const { values: args } = parseArgs({ options: { seconds: { type: "string", default: "30" }, opens: { type: "string", default: "8" } } })
const SECONDS = Number(args.seconds)
const OPENS = Number(args.opens)
const BITS = 24
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" / ")
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec))

/** The stand-in's arguments, with the capture clock stamped and drawn into each frame. */
function streamerArgs(rtmpBase: string, streamKey: string): string[] {
  const env = parseEnv({ ...process.env, BBB_STREAM_URL: rtmpBase, BBB_RESOLUTION: "1280x720", FFMPEG_STREAM_VIDEO_BITRATE: "3000", FFMPEG_STREAM_THREADS: "0" })
  const base = ffmpegArgs({ streamKey } as Parameters<typeof ffmpegArgs>[0], env, null)
  const clock =
    `split[main][clk];[clk]crop=${BITS}:2:0:0,geq=lum='if(mod(floor(T*100/pow(2,X)),2),235,16)':cb=128:cr=128,scale=1280:40:flags=neighbor[bits];` +
    `[main][bits]overlay=0:0,setpts=PTS-STARTPTS`
  const result = [...base]
  const vf = result.indexOf("-vf")
  if (vf >= 0) result[vf + 1] = `${clock},${result[vf + 1]}`
  else result.splice(result.indexOf("-c:v"), 0, "-vf", clock)
  // The wall clock as the video's timestamps (kept through the filters by -copyts; setpts restarts them at 0 for RTMP).
  result.splice(result.indexOf("-re"), 0, "-copyts")
  result.splice(result.indexOf("-f"), 0, "-use_wallclock_as_timestamps", "1")
  return result
}

/** Reads the clock blocks of every frame shown; `window.bench` collects delays and the first frame. */
const PAGE = (src: string) => `<!doctype html><html><body style="margin:0;background:#000">
<video id="v" muted autoplay playsinline style="width:1280px;height:720px"></video>
<script src="/hls.js"></script>
<script>
const v = document.getElementById("v")
const bench = (window.bench = { firstFrameMs: null, samples: [], unreadable: 0 })
const hls = new Hls(${JSON.stringify(LIVE_HLS_SETTINGS)})
hls.loadSource(${JSON.stringify(src)})
hls.attachMedia(v)
const canvas = document.createElement("canvas")
const ctx = canvas.getContext("2d", { willReadFrequently: true })
const onFrame = (now, meta) => {
  if (bench.firstFrameMs === null) bench.firstFrameMs = performance.now()
  const w = meta.width, h = meta.height
  const y = Math.round(h * 20 / 720)
  canvas.width = w; canvas.height = y + 1
  ctx.drawImage(v, 0, 0, w, y + 1)
  const row = ctx.getImageData(0, y, w, 1).data
  let value = 0
  for (let i = 0; i < ${BITS}; i++) {
    const x = Math.floor((i + 0.5) * w / ${BITS})
    if (row[x * 4] > 128) value += 2 ** i
  }
  const shown = Math.floor((performance.timeOrigin + meta.expectedDisplayTime) / 10)
  const delay = (((shown - value) % 2 ** ${BITS}) + 2 ** ${BITS}) % 2 ** ${BITS} * 10
  if (delay > 60000) bench.unreadable++
  else bench.samples.push({ at: Date.now(), delay, height: h, latency: hls.latency })
  v.requestVideoFrameCallback(onFrame)
}
v.requestVideoFrameCallback(onFrame)
</script></body></html>`

async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8")
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  return (Number(fields[11]) + Number(fields[12])) / 100 // utime + stime, in clock ticks (USER_HZ = 100)
}

async function findPid(match: (cmdline: string) => boolean): Promise<number | null> {
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")
    if (match(cmdline)) return Number(pid)
  }
  return null
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-latency-"))
  const origin = await startRtmpServer({ dir, rtmpPort: await freePort(), httpPort: await freePort() })
  const streamKey = `bench${Date.now().toString(36)}`
  await writeFile(path.join(dir, "title.txt"), "bench:latency")
  const streamer = spawn("ffmpeg", streamerArgs(origin.rtmpBase, streamKey), { cwd: dir, stdio: ["ignore", "ignore", "inherit"] })
  const hlsJs = await readFile(path.resolve(import.meta.dirname, "../node_modules/hls.js/dist/hls.min.js"))
  const master = `${origin.hlsBase}${streamKey}.m3u8`
  const server = http.createServer((req, res) => {
    if (req.url === "/hls.js") res.writeHead(200, { "content-type": "text/javascript" }).end(hlsJs)
    else res.writeHead(200, { "content-type": "text/html" }).end(PAGE(master))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--autoplay-policy=no-user-gesture-required"] })
  try {
    console.log(`waiting for the ladder (${master})…`)
    for (let i = 0; ; i++) {
      const variant = await fetch(`${origin.hlsBase}${streamKey}_720p.m3u8`).then((r) => (r.ok ? r.text() : ""), () => "")
      if ((variant.match(/\.ts$/gm) ?? []).length >= 3) break
      if (i > 120) throw new Error(`no 720p rendition after 60 s: see ${dir}/transcode.log`)
      await sleep(500)
    }
    const transcoder = await findPid((c) => c.includes("-f\0hls") && c.includes(`${streamKey}_%v.m3u8`))
    if (!transcoder || !streamer.pid) throw new Error("transcoder or streamer not found")

    // 1. Glass-to-glass, one viewer watching for SECONDS after 8 s of settling.
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(pageUrl)
    await sleep(8_000)
    const startedAt = Date.now()
    const cpu0 = { transcoder: await cpuSeconds(transcoder), streamer: await cpuSeconds(streamer.pid) }
    const load0 = load()
    await sleep(SECONDS * 1000)
    const wall = (Date.now() - startedAt) / 1000
    const cores = { transcoder: ((await cpuSeconds(transcoder)) - cpu0.transcoder) / wall, streamer: ((await cpuSeconds(streamer.pid)) - cpu0.streamer) / wall }
    const watched = await page.evaluate(() => (window as unknown as { bench: { samples: { at: number; delay: number; height: number; latency: number }[]; unreadable: number } }).bench)
    const samples = watched.samples.filter((s) => s.at >= startedAt)
    const delays = samples.map((s) => s.delay)
    const heights = [...new Set(samples.map((s) => s.height))].join(", ")
    await page.close()

    // 2. Page open → first frame, on the live already on air.
    const opens: number[] = []
    for (let i = 0; i < OPENS; i++) {
      const fresh = await browser.newPage()
      await fresh.goto(pageUrl)
      await fresh.waitForFunction(() => (window as unknown as { bench: { firstFrameMs: number | null } }).bench.firstFrameMs !== null, null, { timeout: 20_000 })
      opens.push(await fresh.evaluate(() => (window as unknown as { bench: { firstFrameMs: number } }).bench.firstFrameMs))
      await fresh.close()
    }

    const hlsLatency = samples.map((s) => s.latency * 1000).filter(Number.isFinite)
    console.log(`\nbench:latency — ${new Date().toISOString()}, ${os.cpus().length} cores, load average ${load0} (start) → ${load()} (end)`)
    console.log(`one viewer, ${samples.length} frames read over ${wall.toFixed(0)} s (${watched.unreadable} unreadable), rendition(s) shown: ${heights}p\n`)
    console.log(
      table([
        ["measure", "p50", "p95", "max", "goal", "verdict"],
        ["glass-to-glass delay", ms(percentile(delays, 50)), ms(percentile(delays, 95)), ms(max(delays)), "p95 ≤ 5,000 ms", verdict(percentile(delays, 95), 5_000)],
        ["hls.js latency (edge → position)", ms(percentile(hlsLatency, 50)), ms(percentile(hlsLatency, 95)), ms(max(hlsLatency)), "", ""],
        [`page open → first frame (${OPENS} opens)`, ms(percentile(opens, 50)), ms(percentile(opens, 95)), ms(max(opens)), "p95 ≤ 2,000 ms", verdict(percentile(opens, 95), 2_000)],
      ]),
    )
    console.log(`\nCPU of one live's ladder at the origin (720p + 360p + sound, veryfast): ${cores.transcoder.toFixed(2)} cores`)
    console.log(`(the 1280×720 stand-in streamer itself, not at the origin: ${cores.streamer.toFixed(2)} cores)`)
  } finally {
    await browser.close()
    server.close()
    streamer.kill("SIGTERM")
    await origin.close()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
