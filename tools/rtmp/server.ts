// A real RTMP→HLS origin for the demo, the tests and the benchmarks: the shipped configuration
// (deploy/hls-origin/nginx-rtmp.conf.template, with its transcoder hls-transcode.sh: the rendition
// ladder, the restricted lives' tokens) rendered for local ports and run by Debian's nginx with its
// RTMP module, unprivileged, everything under one folder (config, pid, logs, temp files, HLS
// fragments). It stands where a university's HLS origin stands in production.
//
//   npm run rtmp                 runs it in the foreground with the settings of .env
//   startRtmpServer({ ... })     starts one for a test (free ports), returns its URLs and close()
import type { ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises"
import path from "node:path"

import { getEnv } from "@/lib/config/env"
import { hlsTokenSecret } from "@/lib/lives/hls-token"

import { NGINX, nginxMainLines, nginxTempPathLines, startNginx } from "../nginx/run-nginx"

export { freePort } from "../nginx/run-nginx"

const RTMP_MODULE = "/usr/lib/nginx/modules/ngx_rtmp_module.so"
export const HLS_ORIGIN_TEMPLATE = path.resolve(import.meta.dirname, "../../deploy/hls-origin/nginx-rtmp.conf.template")
export const HLS_TRANSCODER = path.resolve(import.meta.dirname, "../../deploy/hls-origin/hls-transcode.sh")

export type RtmpServerOptions = {
  /** Folder for config, logs and HLS fragments (created). */
  dir: string
  rtmpPort: number
  httpPort: number
  /** RTMP application name (the path of BBB_STREAM_URL), e.g. "live". */
  app?: string
  /** HTTP path serving the fragments (the path of POD_HLS_STREAM), e.g. "/hls/". */
  hlsPath?: string
  host?: string
  /** The app's HLS_TOKEN_SECRET: signs restricted lives' URLs. */
  tokenSecret?: string
  ffmpeg?: string
  ffprobe?: string
}

/** The values of the template's placeholders (see its header). */
export type HlsOriginValues = Record<
  "MAIN" | "RTMP_LISTEN" | "RTMP_APP" | "RTMP_LOCAL" | "HTTP_LISTEN" | "HLS_PATH" | "HLS_DIR" | "TRANSCODER" | "FFMPEG" | "FFPROBE" | "TRANSCODE_LOG" | "HLS_TOKEN_SECRET",
  string
>

/** deploy/hls-origin's template with its placeholders filled in (every one, or it throws). */
export function renderHlsOrigin(template: string, values: HlsOriginValues): string {
  for (const [name, value] of Object.entries(values)) {
    if (name !== "MAIN" && /[\s;{}"'$]/.test(value)) throw new Error(`${name} cannot hold spaces, quotes, ; { } or $: ${value}`)
  }
  // The header documents the placeholders: only the configuration itself is filled in.
  const body = template.replace(/^(#[^\n]*\n)+/, "")
  const rendered = body.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`the template has a placeholder tools/rtmp does not fill: ${whole}`)
    return values[name as keyof HlsOriginValues]
  })
  return rendered
}

/** The template rendered for a run under `o.dir` (tests, demo, benches). */
export async function nginxConfig(o: Required<RtmpServerOptions>): Promise<string> {
  const hlsDir = path.join(o.dir, "hls")
  const rendered = renderHlsOrigin(await readFile(HLS_ORIGIN_TEMPLATE, "utf8"), {
    MAIN: `load_module ${RTMP_MODULE};\n${nginxMainLines(o)}`,
    RTMP_LISTEN: `${o.host}:${o.rtmpPort}`,
    RTMP_APP: o.app,
    RTMP_LOCAL: `rtmp://127.0.0.1:${o.rtmpPort}`,
    HTTP_LISTEN: `${o.host}:${o.httpPort}`,
    HLS_PATH: o.hlsPath,
    HLS_DIR: hlsDir,
    TRANSCODER: HLS_TRANSCODER,
    FFMPEG: o.ffmpeg,
    FFPROBE: o.ffprobe,
    TRANSCODE_LOG: path.join(o.dir, "transcode.log"),
    HLS_TOKEN_SECRET: o.tokenSecret,
  })
  // The run's temp folders go under its folder too (production keeps nginx's defaults).
  return rendered.replace(/^http \{$/m, `http {\n    ${nginxTempPathLines(o.dir)}`)
}

/** An absolute path for a command name (nginx starts the transcoder without the shell's PATH). */
function which(command: string): string {
  if (command.includes("/")) return path.resolve(command)
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(":")) {
    const candidate = path.join(dir, command)
    if (dir && existsSync(candidate)) return candidate
  }
  throw new Error(`${command} is needed by the HLS origin's transcoder (Debian package ffmpeg): run npm run setup`)
}

export type RtmpServer = { rtmpBase: string; hlsBase: string; hlsDir: string; process: ChildProcess; close(): Promise<void> }

export async function startRtmpServer(options: RtmpServerOptions): Promise<RtmpServer> {
  if (!existsSync(NGINX) || !existsSync(RTMP_MODULE)) {
    throw new Error(`nginx with the RTMP module is needed (Debian packages nginx and libnginx-mod-rtmp): run npm run setup`)
  }
  const o: Required<RtmpServerOptions> = {
    app: "live",
    hlsPath: "/hls/",
    host: "127.0.0.1",
    tokenSecret: options.tokenSecret ?? hlsTokenSecret(getEnv()),
    ffmpeg: "ffmpeg",
    ffprobe: "ffprobe",
    ...options,
    dir: path.resolve(options.dir),
  }
  o.ffmpeg = which(o.ffmpeg)
  o.ffprobe = which(o.ffprobe)
  await mkdir(path.join(o.dir, "hls"), { recursive: true })
  // Started as root, nginx's workers and the transcoders they start run as "nobody": they write there.
  await chmod(path.join(o.dir, "hls"), 0o777)
  await writeFile(path.join(o.dir, "transcode.log"), "", { flag: "a", mode: 0o666 })
  await chmod(path.join(o.dir, "transcode.log"), 0o666)
  const nginx = await startNginx({ dir: o.dir, config: await nginxConfig(o), ports: [o.rtmpPort, o.httpPort], host: o.host })
  return {
    rtmpBase: `rtmp://${o.host}:${o.rtmpPort}/${o.app}/`,
    hlsBase: `http://${o.host}:${o.httpPort}${o.hlsPath}`,
    hlsDir: path.join(o.dir, "hls"),
    process: nginx.process,
    close: () => nginx.close(),
  }
}

// CLI: npm run rtmp (foreground; Ctrl-C stops it).
if (import.meta.url === `file://${process.argv[1]}`) {
  // Imported only here: the module is also a library of tests and benches, which start themselves.
  const { bootstrap } = await import("@/lib/boot/bootstrap")
  const env = await bootstrap("rtmp", { services: false })
  const rtmp = new URL(env.BBB_STREAM_URL)
  const hls = new URL(env.POD_HLS_STREAM)
  const dir = path.resolve(process.env.RTMP_DIR ?? "var/rtmp")
  await rm(path.join(dir, "hls"), { recursive: true, force: true })
  const server = await startRtmpServer({
    dir,
    rtmpPort: Number(rtmp.port || 1935),
    httpPort: Number(hls.port || 80),
    app: rtmp.pathname.replace(/^\/|\/$/g, "") || "live",
    hlsPath: hls.pathname.endsWith("/") ? hls.pathname : `${hls.pathname}/`,
    host: rtmp.hostname,
    tokenSecret: hlsTokenSecret(env),
  })
  console.log(`nginx-rtmp: RTMP ${server.rtmpBase}  HLS ${server.hlsBase}  (files in ${dir})`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
  server.process.once("exit", (code) => process.exit(code ?? 1))
}
