// Child processes of a bench (BBB simulator, worker): TypeScript entry points run with `node --import tsx`
// (one process each, no npx in between), in their own process group so that stopping one stops
// everything it started. Every child is stopped when the bench ends, fails or is interrupted.
import { type ChildProcess, spawn } from "node:child_process"
import path from "node:path"
import { createInterface } from "node:readline"

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..")

export type BenchChild = {
  name: string
  process: ChildProcess
  /** Resolves with the first stdout/stderr line matching `pattern` (rejects on exit or timeout). */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>
  /** Called with every line the child prints. */
  onLine(listener: (line: string) => void): void
  stop(): Promise<void>
}

const running = new Set<BenchChild>()

export function startTsChild(options: { name: string; script: string; args?: string[]; env: NodeJS.ProcessEnv; plainNode?: boolean; profile?: boolean }): BenchChild {
  // plainNode: a JavaScript entry point (e.g. `next start`) runs without tsx's loader hooks in its way.
  const loader = options.plainNode ? [] : ["--import", "tsx"]
  // BENCH_CPU_PROFILE=<dir>: the app (plain node children, or `profile`) writes a V8 CPU profile there when it stops.
  const profile = (options.plainNode || options.profile) && process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []
  const child = spawn(process.execPath, [...profile, ...loader, options.script, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group: stop() signals the group
  })
  const listeners: ((line: string) => void)[] = []
  const tail: string[] = []
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on("line", (line) => {
      tail.push(line)
      if (tail.length > 20) tail.shift()
      for (const listener of listeners) listener(line)
    })
  }

  const handle: BenchChild = {
    name: options.name,
    process: child,
    onLine: (listener) => listeners.push(listener),
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`${options.name}: no line matching ${pattern} within ${timeoutMs} ms`)), timeoutMs)
        const onLine = (line: string) => {
          const match = pattern.exec(line)
          if (match) done(undefined, match)
        }
        let finished = false
        function done(error?: Error, match?: RegExpExecArray) {
          if (finished) return
          finished = true
          clearTimeout(timer)
          listeners.splice(listeners.indexOf(onLine), 1)
          if (error) reject(new Error(`${error.message}\n--- last lines of ${options.name} ---\n${tail.join("\n")}`))
          else resolve(match!)
        }
        listeners.push(onLine)
        void exited.then((code) => done(new Error(`${options.name} exited (code ${code})`)))
      })
    },
    async stop() {
      running.delete(handle)
      if (child.exitCode !== null || child.signalCode !== null) return
      signalGroup(child, "SIGTERM")
      const stopped = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)])
      if (!stopped) signalGroup(child, "SIGKILL")
    },
  }
  running.add(handle)
  return handle
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

export async function stopAllChildren(): Promise<void> {
  await Promise.allSettled([...running].map((child) => child.stop()))
}

/** Last resort on process exit (synchronous): kill whatever is still running. */
export function killAllChildrenNow(): void {
  for (const child of running) signalGroup(child.process, "SIGKILL")
  running.clear()
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
