// The nginx front of production (deploy/nginx/bbb-pod-live.conf), run locally: the shipped template
// rendered for local ports, under Debian's nginx, unprivileged, everything (config, logs, temp files,
// micro-cache) in one folder. Used by the tests (tools/front/front.integration.test.ts) and the
// benchmark (bench/live-page.ts).
//
//   npm run front -- --port 8080 --app 127.0.0.1:3000 [--app 127.0.0.1:3001]   (foreground)
//   startFront({ ... })   starts one for a test, returns its URL and close()
import { readFile } from "node:fs/promises"
import path from "node:path"
import { parseArgs } from "node:util"

import { nginxMainLines, nginxTempPathLines, startNginx, type NginxProcess } from "../nginx/run-nginx"

export const FRONT_TEMPLATE = path.resolve(import.meta.dirname, "../../deploy/nginx/bbb-pod-live.conf")

export type FrontSiteValues = {
  /** The listen parameter: "80", "127.0.0.1:8080". */
  listen: string
  serverName: string
  /** host:port of each app instance. */
  appAddresses: string[]
  cachePath: string
  /** DEFAULT_BBB_PATH and DEFAULT_RECORDER_PATH of the app (« Mes vidéos »' files); default: the environment's, or the app's defaults. */
  recordingsPath?: string
  recorderPath?: string
}

/** The folders the front serves « Mes vidéos »' files from, absolute. */
function filesPaths(values: { recordingsPath?: string; recorderPath?: string }): { recordings: string; recorder: string } {
  return {
    recordings: path.resolve(values.recordingsPath ?? process.env.DEFAULT_BBB_PATH ?? "./var/bbb-recordings"),
    recorder: path.resolve(values.recorderPath ?? process.env.DEFAULT_RECORDER_PATH ?? "./var/recorder"),
  }
}

/** The site file of deploy/nginx with its placeholders filled in. */
export function renderFrontSite(template: string, values: FrontSiteValues): string {
  if (values.appAddresses.length === 0) throw new Error("at least one app address is needed")
  const upstreamLine = /^(\s*)server \{\{APP_ADDRESS\}\};$/m
  const indent = upstreamLine.exec(template)?.[1]
  if (indent === undefined) throw new Error("the template has no `server {{APP_ADDRESS}};` line")
  const rendered = template
    .replace(upstreamLine, values.appAddresses.map((a) => `${indent}server ${a};`).join("\n"))
    .replaceAll("{{LISTEN}}", values.listen)
    .replaceAll("{{SERVER_NAME}}", values.serverName)
    .replaceAll("{{CACHE_PATH}}", values.cachePath)
    .replaceAll("{{RECORDINGS_PATH}}", filesPaths(values).recordings)
    .replaceAll("{{RECORDER_PATH}}", filesPaths(values).recorder)
    .replaceAll("{{APP_ADDRESS}}", values.appAddresses[0]!) // in comments
  const left = /\{\{[A-Z_]+\}\}/.exec(rendered)
  if (left) throw new Error(`the template has a placeholder tools/front does not fill: ${left[0]}`)
  return rendered
}

export type FrontOptions = {
  /** Folder for config, logs, temp files and the cache (created). */
  dir: string
  port: number
  appAddresses: string[]
  host?: string
  serverName?: string
  /** nginx worker processes (1 by default). */
  workers?: number
  /** Write an access log with each request's cache status and time to <dir>/access.log (off by default). */
  accessLog?: boolean
  recordingsPath?: string
  recorderPath?: string
}

export type Front = { url: string; dir: string; process: NginxProcess["process"]; close(): Promise<void> }

export async function startFront(options: FrontOptions): Promise<Front> {
  const dir = path.resolve(options.dir)
  const host = options.host ?? "127.0.0.1"
  const site = renderFrontSite(await readFile(FRONT_TEMPLATE, "utf8"), {
    listen: `${host}:${options.port}`,
    serverName: options.serverName ?? "localhost",
    appAddresses: options.appAddresses,
    cachePath: path.join(dir, "cache"),
    recordingsPath: options.recordingsPath,
    recorderPath: options.recorderPath,
  })
  const config = `${nginxMainLines({ dir, workers: options.workers })}
http {
  ${options.accessLog ? `log_format front '$status $upstream_cache_status $request_time $upstream_response_time $request_uri';\n  access_log ${dir}/access.log front;` : "access_log off;"}
  ${nginxTempPathLines(dir)}
${site}
}
`
  const nginx = await startNginx({ dir, config, ports: [options.port], host })
  return { url: `http://${host}:${options.port}`, dir, process: nginx.process, close: () => nginx.close() }
}

// CLI: npm run front (foreground; Ctrl-C stops it).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "8080" }, app: { type: "string", multiple: true, default: ["127.0.0.1:3000"] }, dir: { type: "string", default: "var/front" } },
  })
  const front = await startFront({ dir: values.dir, port: Number(values.port), appAddresses: values.app })
  console.log(`nginx front: ${front.url} → ${values.app.join(", ")} (config and cache in ${front.dir})`)
  const stop = () => void front.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
  front.process.once("exit", (code) => process.exit(code ?? 1))
}
