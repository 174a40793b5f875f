// A real RTMP→HLS server for the demo, the tests and the benchmarks: nginx with Debian's RTMP module,
// unprivileged, on the ports of BBB_STREAM_URL (RTMP) and POD_HLS_STREAM (HLS over HTTP), everything
// under one folder (config, pid, logs, temp files, HLS fragments). It stands where a university's
// nginx-rtmp server stands in production.
//
//   npm run rtmp                 runs it in the foreground with the settings of .env
//   startRtmpServer({ ... })     starts one for a test (free ports), returns its URLs and close()
import type { ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir, rm } from "node:fs/promises"
import path from "node:path"

import { NGINX, nginxMainLines, nginxTempPathLines, startNginx } from "../nginx/run-nginx"

export { freePort } from "../nginx/run-nginx"

const RTMP_MODULE = "/usr/lib/nginx/modules/ngx_rtmp_module.so"

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
}

export function nginxConfig(o: Required<RtmpServerOptions>): string {
  const hlsDir = path.join(o.dir, "hls")
  return `load_module ${RTMP_MODULE};
${nginxMainLines(o)}
rtmp {
  server {
    listen ${o.host}:${o.rtmpPort};
    application ${o.app} {
      live on;
      record off;
      hls on;
      hls_path ${hlsDir};
      hls_fragment 2s;
      hls_playlist_length 10s;
      hls_cleanup on;
    }
  }
}
http {
  access_log off;
  ${nginxTempPathLines(o.dir)}
  server {
    listen ${o.host}:${o.httpPort};
    location ${o.hlsPath} {
      alias ${hlsDir}/;
      add_header Access-Control-Allow-Origin * always;
      add_header Cache-Control no-cache always;
      types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
    }
    location = /healthz { return 200 "ok"; }
  }
}
`
}

export type RtmpServer = { rtmpBase: string; hlsBase: string; hlsDir: string; process: ChildProcess; close(): Promise<void> }

export async function startRtmpServer(options: RtmpServerOptions): Promise<RtmpServer> {
  if (!existsSync(NGINX) || !existsSync(RTMP_MODULE)) {
    throw new Error(`nginx with the RTMP module is needed (Debian packages nginx and libnginx-mod-rtmp): run npm run setup`)
  }
  const o: Required<RtmpServerOptions> = { app: "live", hlsPath: "/hls/", host: "127.0.0.1", ...options, dir: path.resolve(options.dir) }
  await mkdir(path.join(o.dir, "hls"), { recursive: true })
  const nginx = await startNginx({ dir: o.dir, config: nginxConfig(o), ports: [o.rtmpPort, o.httpPort], host: o.host })
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
  })
  console.log(`nginx-rtmp: RTMP ${server.rtmpBase}  HLS ${server.hlsBase}  (files in ${dir})`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
  server.process.once("exit", (code) => process.exit(code ?? 1))
}
