// Doctor: a test publish (ffmpeg's test pattern) to BBB_STREAM_URL<name> must appear as an HLS
// playlist at POD_HLS_STREAM<name>.m3u8 — the path every live's stream takes, whatever the HLS origin's
// layout behind those two addresses. The publish lasts until the playlist shows a fragment (at least
// `publishSeconds`, at most the deadline): an origin with a rendition ladder probes the input and
// transcodes before its first fragment, which a fixed 3 s publish can end before.
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"

import type { Env } from "@/lib/config/env"
import { readHlsProgress } from "@/lib/streamers/read-hls-progress"

import { fail, pass, type DoctorCheck } from "./doctor-check"

const CHECK = "RTMP publish → HLS"
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export type RtmpCheckOptions = { publishSeconds?: number; timeoutMs?: number }

export function testPublishArgs(target: string, seconds: number): string[] {
  return [
    "-hide_banner", "-loglevel", "error", "-nostdin",
    "-re", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
    "-t", String(seconds),
    "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", "25", "-b:v", "300k",
    "-c:a", "aac", "-b:a", "64k", "-f", "flv", target,
  ]
}

export async function checkRtmpToHls(env: Pick<Env, "BBB_STREAM_URL" | "POD_HLS_STREAM" | "FFMPEG_COMMAND">, options: RtmpCheckOptions = {}): Promise<DoctorCheck> {
  const seconds = options.publishSeconds ?? 3
  const timeoutMs = options.timeoutMs ?? (seconds + 12) * 1_000
  const started = Date.now()
  const name = `doctor-${randomBytes(6).toString("hex")}`
  const target = `${env.BBB_STREAM_URL}${name}`
  const playlist = new URL(`${name}.m3u8`, env.POD_HLS_STREAM).toString()
  const rtmpHost = new URL(env.BBB_STREAM_URL).host
  const child = spawn(env.FFMPEG_COMMAND, testPublishArgs(target, Math.ceil(timeoutMs / 1_000)), { stdio: ["ignore", "ignore", "pipe"] })
  let stderr = ""
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)))
  let exit: { code: number | null; at: number } | { error: Error } | undefined
  child.once("exit", (code) => (exit ??= { code, at: Date.now() }))
  child.once("error", (error) => (exit ??= { error }))
  const deadline = started + timeoutMs
  try {
    for (;;) {
      const progress = await readHlsProgress(playlist, 2_000)
      if (progress !== null && progress > 0) {
        const after = Math.max(1, Math.round((Date.now() - started) / 1_000))
        return pass(CHECK, `published to ${env.BBB_STREAM_URL}; its playlist was served at ${env.POD_HLS_STREAM} after ${after} s`)
      }
      if (exit && "error" in exit) {
        return fail(CHECK, `${env.FFMPEG_COMMAND} cannot run: ${exit.error.message}`, "install ffmpeg on the host running the doctor (or set FFMPEG_COMMAND)")
      }
      if (exit && exit.code !== 0) {
        const line = stderr.trim().split("\n").at(-1) ?? `exit status ${exit.code}`
        return fail(
          CHECK,
          `the RTMP server at ${rtmpHost} did not take the publish: ${line}`,
          "start the HLS origin's nginx-rtmp (systemctl status bbb-pod-live-hls) and check BBB_STREAM_URL: rtmp://<host>:<port>/<application>/, reachable from the streamer servers",
        )
      }
      // Published in full: the origin has a few seconds to write the playlist.
      if ((exit && Date.now() - exit.at > 5_000) || Date.now() > deadline) {
        return fail(
          CHECK,
          `published to ${env.BBB_STREAM_URL}, but no playlist at ${playlist}`,
          "POD_HLS_STREAM must be the HTTP address where the HLS origin (deploy/hls-origin) serves what BBB_STREAM_URL receives, a playlist named <stream>.m3u8; its transcoder log says why a stream made none",
        )
      }
      await sleep(250)
    }
  } finally {
    if (!exit) {
      const exited = new Promise((resolve) => child.once("exit", resolve))
      child.kill("SIGKILL")
      await exited
    }
  }
}
