// The production driver: one BigBlueButton-liveStreaming compose project per slot, driven through
// the `docker compose` CLI in the slot's folder. The compose file in that folder is the only state:
// start() rewrites it for its live, stop() downs whatever project it describes, inspect() asks
// compose what runs and reads the live id from the container's labels (or from the file).
import { execFile } from "node:child_process"
import { randomUUID } from "node:crypto"
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises"
import path from "node:path"
import { promisify } from "node:util"

import { parse } from "yaml"
import { z } from "zod"

import { type Env, getEnv } from "@/lib/config/env"
import { type Logger, logger as rootLogger } from "@/lib/logger"
import { recordingsDir, StreamerError, type StreamerDriver, type StreamerSlotRef, type StreamerState } from "@/lib/streamers/driver"
import {
  COMPOSE_FILE_NAME,
  type ComposeSettings,
  LIVE_ID_LABEL,
  renderCompose,
  STOP_GRACE_SECONDS,
  STREAMER_SERVICE,
} from "@/lib/streamers/drivers/render-compose"

const execFileAsync = promisify(execFile)

export type DockerDriverSettings = ComposeSettings & Pick<Env, "DOCKER_COMMAND" | "BBB_CHECKSUM_ALGORITHM">

export type DockerDriverOptions = {
  /** Defaults to the process settings (getEnv()). */
  settings?: DockerDriverSettings
  /** Bound on each docker command; `up` may pull the image on a fresh server, hence the margin. */
  timeoutMs?: number
  logger?: Logger
}

let checksumWarned = false

export function createDockerDriver(options: DockerDriverOptions = {}): StreamerDriver {
  const settings = options.settings ?? getEnv()
  const timeoutMs = options.timeoutMs ?? 120_000
  const log = (options.logger ?? rootLogger).child({ driver: "docker" })
  if (settings.BBB_CHECKSUM_ALGORITHM !== "sha1" && !checksumWarned) {
    checksumWarned = true
    log.warn(
      { algorithm: settings.BBB_CHECKSUM_ALGORITHM },
      "BigBlueButton-liveStreaming always signs its API calls with SHA-1: its streams fail if the BBB server disabled sha1",
    )
  }

  async function compose(workdir: string, args: string[]): Promise<string> {
    const argv = ["compose", ...args]
    try {
      const { stdout } = await execFileAsync(settings.DOCKER_COMMAND, argv, { cwd: workdir, timeout: timeoutMs, maxBuffer: 10 * 1024 * 1024 })
      return stdout
    } catch (error) {
      throw new Error(describeFailure(`${settings.DOCKER_COMMAND} ${argv.join(" ")}`, workdir, error, timeoutMs), { cause: error })
    }
  }

  async function inspect(slot: StreamerSlotRef): Promise<StreamerState> {
    const file = await readComposeFile(slot.workdir)
    // Without its file compose cannot name the project, so nothing of ours can run there.
    if (file === null) return { running: false }
    const streamer = parsePsOutput(await compose(slot.workdir, ["ps", "--format", "json"])).find(
      (c) => c.Service === STREAMER_SERVICE && c.State === "running",
    )
    if (!streamer) return { running: false }
    // The running container's label wins: the file may already describe a live whose `up` failed.
    const label = parseLabels(streamer.Labels)[LIVE_ID_LABEL] ?? liveIdInComposeFile(file)
    return { running: true, liveId: toLiveId(label) }
  }

  async function stop(slot: StreamerSlotRef): Promise<void> {
    if ((await readComposeFile(slot.workdir)) === null) return
    try {
      await compose(slot.workdir, ["down", "-t", String(STOP_GRACE_SECONDS)])
    } catch (error) {
      throw new StreamerError("streamer-stop-failed", (error as Error).message, { cause: error })
    }
    log.info({ slot: slot.slotNumber, workdir: slot.workdir }, "streamer stopped")
  }

  return {
    name: "docker",
    inspect,
    stop,
    async start(spec) {
      const { slot } = spec
      try {
        const state = await inspect(slot)
        if (state.running && state.liveId === spec.liveId) return
        if (state.running) {
          log.warn({ slot: slot.slotNumber, running: state.liveId, wanted: spec.liveId }, "slot runs another live: stopping it first")
          await stop(slot)
        }
        await mkdir(slot.workdir, { recursive: true })
        await mkdir(recordingsDir(slot), { recursive: true })
        // The container writes as its own uid (1001), not the agent's: let it write its recordings.
        // Best effort: a folder someone else owns still serves a live that records nothing.
        await chmod(recordingsDir(slot), 0o777).catch((error: unknown) =>
          log.warn({ err: error, dir: recordingsDir(slot) }, "cannot open the recordings folder to the container"),
        )
        await writeAtomically(path.join(slot.workdir, COMPOSE_FILE_NAME), renderCompose(spec, settings))
        await compose(slot.workdir, ["up", "-d"])
      } catch (error) {
        if (error instanceof StreamerError && error.reason === "streamer-start-failed") throw error
        throw new StreamerError("streamer-start-failed", (error as Error).message, { cause: error })
      }
      log.info({ liveId: spec.liveId, slot: slot.slotNumber, workdir: slot.workdir }, "streamer started")
    },
  }
}

/** Compose v2 before 2.21 prints one JSON array; later versions print one object per line. */
const psEntrySchema = z.looseObject({ Service: z.string(), State: z.string(), Labels: z.string().optional() })

export function parsePsOutput(stdout: string): z.infer<typeof psEntrySchema>[] {
  const text = stdout.trim()
  if (!text) return []
  const raw: unknown[] = text.startsWith("[")
    ? z.array(z.unknown()).parse(JSON.parse(text))
    : text
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line))
  return raw.map((entry) => psEntrySchema.parse(entry))
}

/** Compose prints labels as `k=v,k=v`; our values hold no comma. */
function parseLabels(labels: string | undefined): Record<string, string> {
  if (!labels) return {}
  return Object.fromEntries(
    labels.split(",").flatMap((pair) => {
      const at = pair.indexOf("=")
      return at > 0 ? [[pair.slice(0, at), pair.slice(at + 1)]] : []
    }),
  )
}

const composeLabelsSchema = z.object({
  services: z.record(z.string(), z.looseObject({ labels: z.record(z.string(), z.string()).optional() }).nullable()),
})

function liveIdInComposeFile(file: string): string | undefined {
  const parsed = composeLabelsSchema.safeParse(parse(file))
  return parsed.success ? parsed.data.services[STREAMER_SERVICE]?.labels?.[LIVE_ID_LABEL] : undefined
}

function toLiveId(label: string | undefined): number | null {
  return label && /^\d+$/.test(label) ? Number(label) : null
}

async function readComposeFile(workdir: string): Promise<string | null> {
  try {
    return await readFile(path.join(workdir, COMPOSE_FILE_NAME), "utf8")
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null
    throw error
  }
}

/** Compose must never read half a file; 0600 because the file holds the BBB secret. */
async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`)
  try {
    await writeFile(temp, content, { mode: 0o600 })
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

function describeFailure(command: string, cwd: string, error: unknown, timeoutMs: number): string {
  const failure = error as { stderr?: string; killed?: boolean; code?: string | number; message: string }
  if (failure.killed) return `${command} (in ${cwd}) timed out after ${timeoutMs} ms`
  if (failure.code === "ENOENT") return `${command}: docker client not found (DOCKER_COMMAND)`
  const stderr = failure.stderr?.trim()
  return `${command} (in ${cwd}) failed with exit code ${failure.code}${stderr ? `: ${stderr}` : ""}`
}
