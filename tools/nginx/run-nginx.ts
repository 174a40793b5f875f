// Runs Debian's nginx unprivileged for the tools, tests and benchmarks (tools/rtmp, tools/front):
// one folder holds the config, pid, logs and temp files; nginx runs in the foreground as our child.
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises"
import net from "node:net"
import path from "node:path"

export const NGINX = "/usr/sbin/nginx"

/** The lines of the main config every run shares: pid, error log, foreground, one worker. */
export function nginxMainLines(o: { dir: string; workers?: number }): string {
  return `pid ${o.dir}/nginx.pid;
error_log ${o.dir}/error.log warn;
daemon off;
worker_processes ${o.workers ?? 1};
events { worker_connections 4096; }`
}

/** The http context's temp folders, under the run's folder (created by startNginx). */
export function nginxTempPathLines(dir: string): string {
  return ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/tmp/${t.replace("client_", "")};`).join("\n  ")
}

export function waitForPort(port: number, host: string, timeoutMs: number): Promise<void> {
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
        if (Date.now() > deadline) reject(new Error(`nginx did not listen on ${host}:${port}`))
        else setTimeout(attempt, 100)
      })
    }
    attempt()
  })
}

export type NginxProcess = { process: ChildProcess; close(): Promise<void> }

/**
 * Writes `config` to <dir>/nginx.conf and starts nginx with it, resolving once every port listens.
 * A config nginx refuses fails with its error log.
 */
export async function startNginx(options: {
  dir: string
  config: string
  ports: number[]
  host: string
  missing?: string
  /** SIGQUIT (graceful, the default) or SIGTERM (fast: RTMP players and exec'd children never let a graceful worker end). */
  stopSignal?: NodeJS.Signals
}): Promise<NginxProcess> {
  if (!existsSync(NGINX)) throw new Error(options.missing ?? "nginx is needed (Debian package nginx): run npm run setup")
  const dir = path.resolve(options.dir)
  await mkdir(dir, { recursive: true })
  // Started as root, nginx's workers run as "nobody": they must reach the folder (mkdtemp makes it 0700).
  await chmod(dir, 0o755)
  for (const t of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) await mkdir(path.join(dir, "tmp", t), { recursive: true })
  const configFile = path.join(dir, "nginx.conf")
  const errorLog = path.join(dir, "error.log")
  await writeFile(configFile, options.config)
  const child = spawn(NGINX, ["-p", dir, "-c", configFile, "-e", errorLog], { stdio: ["ignore", "inherit", "inherit"] })
  let exited = false
  child.once("exit", () => (exited = true))
  try {
    await Promise.all(options.ports.map((port) => waitForPort(port, options.host, 10_000)))
  } catch (error) {
    child.kill("SIGKILL")
    const log = await readFile(errorLog, "utf8").catch(() => "")
    throw new Error(`${(error as Error).message}${log ? `\n${log}` : ""}`)
  }
  return {
    process: child,
    async close() {
      if (exited) return
      const done = new Promise((resolve) => child.once("exit", resolve))
      child.kill(options.stopSignal ?? "SIGQUIT") // graceful nginx shutdown by default
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
