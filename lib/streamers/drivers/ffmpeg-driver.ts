// The ffmpeg driver (demo, tests, laptops): instead of a BigBlueButton-liveStreaming container, ffmpeg
// pushes a test pattern with the meeting's title and a tone as RTMP to BBB_STREAM_URL<streamKey> — the
// container's contract, so nginx-rtmp turns it into the same HLS — and, for a recorded live, also
// writes videodata/meeting-YYYYmmddHHMMSS.mkv where the container would.
//
// ffmpeg runs detached: it outlives an agent that is killed, and the agent finds it again through the
// slot's streamer.json (pid, live, stream key), checked against /proc so a reused pid is never taken
// for our streamer (Linux).
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir, open, readdir, readFile, readlink, realpath, rename, rm, writeFile } from "node:fs/promises"
import path from "node:path"

import { getEnv, type Env } from "@/lib/config/env"
import { logger } from "@/lib/logger"

import { recordingsDir, StreamerError, type StreamerDriver, type StreamerSlotRef, type StreamerSpec, type StreamerState } from "../driver"
import { recordingFileName } from "../recording-files"

const STATE_FILE = "streamer.json"
const LOG_FILE = "streamer.log"
const FONT_CANDIDATES = ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]

type StreamerFile = { pid: number; liveId: number; streamKey: string; startedAt: string }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function readState(slot: StreamerSlotRef): Promise<StreamerFile | null> {
  try {
    return JSON.parse(await readFile(path.join(slot.workdir, STATE_FILE), "utf8")) as StreamerFile
  } catch {
    return null
  }
}

/** Is `pid` a live (not zombie) process whose command line holds `marker`? */
async function isOurProcess(pid: number, marker: string): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8")
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3)
    if (state === "Z" || state === "X") return false
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8")
    return cmdline.includes(marker)
  } catch {
    return false
  }
}

/**
 * Every live process working in the slot's folder: an agent killed between spawning ffmpeg and
 * writing streamer.json still finds (and stops) what it started.
 */
async function processesIn(workdir: string): Promise<number[]> {
  const pids = (await readdir("/proc").catch(() => [] as string[])).filter((d) => /^\d+$/.test(d)).map(Number)
  const real = await realpath(workdir).catch(() => workdir)
  const found: number[] = []
  for (const pid of pids) {
    if (pid === process.pid) continue
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => null)
    if (cwd === real && (await isOurProcess(pid, "lavfi"))) found.push(pid)
  }
  return found
}

export function ffmpegArgs(spec: StreamerSpec, env: Pick<Env, "BBB_STREAM_URL" | "BBB_RESOLUTION" | "FFMPEG_STREAM_VIDEO_BITRATE" | "FFMPEG_STREAM_THREADS">, recordingFile: string | null): string[] {
  const [width, height] = env.BBB_RESOLUTION.split("x").map(Number) as [number, number]
  const font = FONT_CANDIDATES.find((f) => existsSync(f))
  const rtmp = `${env.BBB_STREAM_URL}${spec.streamKey}`
  const filters = font
    ? [
        // The title comes from a file (no escaping of user text in the filter graph), never expanded.
        `drawtext=fontfile=${font}:textfile=title.txt:expansion=none:fontcolor=white:fontsize=${Math.round(height / 14)}` +
          `:box=1:boxcolor=black@0.6:boxborderw=${Math.round(height / 40)}:x=(w-text_w)/2:y=h-text_h-${Math.round(height / 8)}`,
      ]
    : []
  const input = ["-re", "-f", "lavfi", "-i", `testsrc2=size=${width}x${height}:rate=25`, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"]
  const video = [
    ...(filters.length ? ["-vf", filters.join(",")] : []),
    "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", "50",
    "-b:v", `${env.FFMPEG_STREAM_VIDEO_BITRATE}k`, "-maxrate", `${env.FFMPEG_STREAM_VIDEO_BITRATE}k`, "-bufsize", `${env.FFMPEG_STREAM_VIDEO_BITRATE * 2}k`,
    "-threads", String(env.FFMPEG_STREAM_THREADS),
  ]
  const audio = ["-c:a", "aac", "-b:a", "96k", "-ar", "48000"]
  const output = recordingFile
    ? // The tee muxer needs global headers (codec parameters up front) for FLV over RTMP.
      ["-flags", "+global_header", "-map", "0:v", "-map", "1:a", "-f", "tee", `[f=flv:flvflags=no_duration_filesize]${rtmp}|[f=matroska]videodata/${recordingFile}`]
    : ["-f", "flv", rtmp]
  return ["-hide_banner", "-nostdin", "-loglevel", "warning", ...input, ...video, ...audio, ...output]
}

export function createFfmpegDriver(options: { env?: Env } = {}): StreamerDriver {
  const env = () => options.env ?? getEnv()

  async function inspect(slot: StreamerSlotRef): Promise<StreamerState> {
    const state = await readState(slot)
    if (state && (await isOurProcess(state.pid, state.streamKey))) return { running: true, liveId: state.liveId }
    return (await processesIn(slot.workdir)).length > 0 ? { running: true, liveId: null } : { running: false }
  }

  async function stop(slot: StreamerSlotRef): Promise<void> {
    const pids = await processesIn(slot.workdir)
    const alive = async () => (await Promise.all(pids.map((pid) => isOurProcess(pid, "lavfi")))).some(Boolean)
    const signal = (name: NodeJS.Signals) => {
      for (const pid of pids) {
        try {
          process.kill(pid, name)
        } catch {
          // already gone
        }
      }
    }
    if (pids.length > 0) {
      signal("SIGTERM") // ffmpeg ends cleanly: the recording gets its index
      for (let waited = 0; waited < 10_000 && (await alive()); waited += 100) await sleep(100)
      if (await alive()) {
        logger.warn({ slot: slot.slotNumber, pids }, "ffmpeg did not stop within 10 s: killed")
        signal("SIGKILL")
      }
    }
    await rm(path.join(slot.workdir, STATE_FILE), { force: true })
  }

  async function start(spec: StreamerSpec): Promise<void> {
    const current = await inspect(spec.slot)
    if (current.running && current.liveId === spec.liveId) return
    if (current.running) await stop(spec.slot)
    const { workdir } = spec.slot
    await mkdir(recordingsDir(spec.slot), { recursive: true })
    await writeFile(path.join(workdir, "title.txt"), spec.meetingName.replace(/[\r\n]+/g, " "))
    const recording = spec.downloadMeeting ? recordingFileName(new Date(), env().TZ) : null
    const args = ffmpegArgs(spec, env(), recording)
    const log = await open(path.join(workdir, LOG_FILE), "a")
    let exited: { code: number | null; signal: string | null } | null = null
    let spawnError: Error | null = null
    try {
      const child = spawn(env().FFMPEG_COMMAND, args, { cwd: workdir, detached: true, stdio: ["ignore", log.fd, log.fd] })
      child.on("error", (error) => (spawnError = error))
      child.on("exit", (code, signal) => (exited = { code, signal }))
      child.unref()
      if (child.pid !== undefined) {
        const state: StreamerFile = { pid: child.pid, liveId: spec.liveId, streamKey: spec.streamKey, startedAt: new Date().toISOString() }
        const tmp = path.join(workdir, `${STATE_FILE}.tmp`)
        await writeFile(tmp, JSON.stringify(state))
        await rename(tmp, path.join(workdir, STATE_FILE))
      }
      // ffmpeg refuses bad arguments or an unreachable RTMP server within a few hundred milliseconds;
      // one that dies later is caught by the agent's reconciliation (restarted once, then failed).
      for (let waited = 0; waited < 600 && !exited && !spawnError; waited += 50) await sleep(50)
      if (spawnError || exited || child.pid === undefined) {
        await rm(path.join(workdir, STATE_FILE), { force: true })
        const tail = (await readFile(path.join(workdir, LOG_FILE), "utf8").catch(() => "")).trim().split("\n").slice(-3).join(" | ")
        throw new StreamerError("streamer-start-failed", `ffmpeg did not start: ${(spawnError as Error | null)?.message ?? tail}`)
      }
    } finally {
      await log.close()
    }
  }

  return { name: "ffmpeg", start, stop, inspect }
}
