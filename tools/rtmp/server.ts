// A real RTMP→HLS server for the demo, the tests and the benchmarks: nginx with Debian's RTMP module,
// unprivileged, on the ports of BBB_STREAM_URL (RTMP) and POD_HLS_STREAM (HLS over HTTP), everything
// under one folder (config, pid, logs, temp files, HLS fragments). It stands where a university's
// nginx-rtmp server stands in production.
//
//   npm run rtmp                 runs it in the foreground with the settings of .env
//   startRtmpServer({ ... })     starts one for a test (free ports), returns its URLs and close()
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"
import { chmod, mkdir, rm, writeFile } from "node:fs/promises"
import net from "node:net"
import path from "node:path"

const RTMP_MODULE = "/usr/lib/nginx/modules/ngx_rtmp_module.so"
const NGINX = "/usr/sbin/nginx"

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
pid ${o.dir}/nginx.pid;
error_log ${o.dir}/error.log warn;
daemon off;
worker_processes 1;
events { worker_connections 4096; }
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
  client_body_temp_path ${o.dir}/tmp/body;
  proxy_temp_path ${o.dir}/tmp/proxy;
  fastcgi_temp_path ${o.dir}/tmp/fastcgi;
  uwsgi_temp_path ${o.dir}/tmp/uwsgi;
  scgi_temp_path ${o.dir}/tmp/scgi;
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

function waitForPort(port: number, host: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, host)
      socket.once("connect", () => {
        socket.destroy()
        resolve()
      })
      socket.once("error", () => {
        socket.destroy()
        if (Date.now() > deadline) reject(new Error(`nginx-rtmp did not listen on ${host}:${port}`))
        else setTimeout(attempt, 100)
      })
    }
    attempt()
  })
}

export type RtmpServer = { rtmpBase: string; hlsBase: string; hlsDir: string; process: ChildProcess; close(): Promise<void> }

export async function startRtmpServer(options: RtmpServerOptions): Promise<RtmpServer> {
  if (!existsSync(NGINX) || !existsSync(RTMP_MODULE)) {
    throw new Error(`nginx with the RTMP module is needed (Debian packages nginx and libnginx-mod-rtmp): run npm run setup`)
  }
  const o: Required<RtmpServerOptions> = { app: "live", hlsPath: "/hls/", host: "127.0.0.1", ...options, dir: path.resolve(options.dir) }
  await mkdir(path.join(o.dir, "hls"), { recursive: true })
  // Started as root, nginx's workers run as "nobody": they must reach the folder (mkdtemp makes it 0700).
  await chmod(o.dir, 0o755)
  for (const t of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) await mkdir(path.join(o.dir, "tmp", t), { recursive: true })
  await writeFile(path.join(o.dir, "nginx.conf"), nginxConfig(o))
  const child = spawn(NGINX, ["-p", o.dir, "-c", path.join(o.dir, "nginx.conf"), "-e", path.join(o.dir, "error.log")], { stdio: ["ignore", "inherit", "inherit"] })
  let exited = false
  child.once("exit", () => (exited = true))
  try {
    await Promise.all([waitForPort(o.rtmpPort, o.host, 10_000), waitForPort(o.httpPort, o.host, 10_000)])
  } catch (error) {
    child.kill("SIGKILL")
    throw error
  }
  return {
    rtmpBase: `rtmp://${o.host}:${o.rtmpPort}/${o.app}/`,
    hlsBase: `http://${o.host}:${o.httpPort}${o.hlsPath}`,
    hlsDir: path.join(o.dir, "hls"),
    process: child,
    async close() {
      if (exited) return
      const done = new Promise((resolve) => child.once("exit", resolve))
      child.kill("SIGQUIT") // graceful nginx shutdown
      const timer = setTimeout(() => child.kill("SIGKILL"), 3_000)
      await done
      clearTimeout(timer)
    },
  }
}

/** A free TCP port on 127.0.0.1 (for tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

// CLI: npm run rtmp (foreground; Ctrl-C stops it).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadDotEnv } = await import("@/lib/config/load-dotenv")
  const { getEnv } = await import("@/lib/config/env")
  loadDotEnv()
  const env = getEnv()
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
