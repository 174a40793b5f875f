// The docker driver against the recording docker shim (tools/docker-shim): no Docker engine runs here,
// so what is checked is the file written and the exact compose commands run in the slot's folder.
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

import pino from "pino"
import { parse } from "yaml"
import { afterEach, beforeEach, describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { StreamerError, type StreamerSlotRef, type StreamerSpec } from "@/lib/streamers/driver"
import { createDockerDriver, parsePsOutput } from "@/lib/streamers/drivers/docker-driver"

const SHIM = fileURLToPath(new URL("../../../tools/docker-shim/docker", import.meta.url))

let root: string
let log: string

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "docker-driver-"))
  log = path.join(root, "docker.jsonl")
  process.env.DOCKER_SHIM_LOG = log
  delete process.env.DOCKER_SHIM_FAIL_UP
  delete process.env.DOCKER_SHIM_PS_FORMAT
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

function makeDriver() {
  return createDockerDriver({ settings: { ...getEnv(), DOCKER_COMMAND: SHIM, BBB_CHECKSUM_ALGORITHM: "sha1" }, timeoutMs: 20_000 })
}

function makeSlot(slotNumber = 1): StreamerSlotRef {
  return { serverNumber: 1, slotNumber, workdir: path.join(root, "base", `bbb-live-streaming${slotNumber}`), redisPort: 6378 + slotNumber, redisChannel: `chat${slotNumber}` }
}

function makeSpec(liveId: number, slot = makeSlot()): StreamerSpec {
  return {
    liveId,
    slot,
    bbbMeetingId: `ext-${liveId}`,
    meetingName: `Cours "$HOME" #${liveId}: l'été & \`x\`\nsuite`,
    streamKey: `key${liveId}`,
    showChat: false,
    enableChat: true,
    downloadMeeting: true,
  }
}

/** The compose calls the shim recorded, as `argv` joined, with the folder they ran in. */
async function calls(): Promise<{ args: string; cwd: string }[]> {
  const text = await readFile(log, "utf8").catch(() => "")
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { argv: string[]; cwd: string })
    .map((c) => ({ args: c.argv.join(" "), cwd: c.cwd }))
}

const mutations = async () => (await calls()).filter((c) => !c.args.startsWith("compose ps"))

describe("docker driver", () => {
  it("starts once, tells what runs, stops, and stops again harmlessly", async () => {
    const driver = makeDriver()
    const slot = makeSlot()
    expect(await driver.inspect(slot)).toEqual({ running: false })

    await driver.start(makeSpec(7, slot))
    const file = await readFile(path.join(slot.workdir, "docker-compose.yml"), "utf8")
    const env = parse(file).services["bbb-streamer"].environment
    expect(env.BBB_MEETING_TITLE.replaceAll("$$", "$")).toBe(makeSpec(7).meetingName)
    expect((await stat(path.join(slot.workdir, "videodata"))).isDirectory()).toBe(true)
    expect((await stat(path.join(slot.workdir, "docker-compose.yml"))).mode & 0o777).toBe(0o600)
    expect((await readdir(slot.workdir)).filter((f) => f.endsWith(".tmp"))).toEqual([])
    expect(await mutations()).toEqual([{ args: "compose up -d", cwd: slot.workdir }])

    expect(await driver.inspect(slot)).toEqual({ running: true, liveId: 7 })

    await driver.start(makeSpec(7, slot))
    expect(await mutations()).toHaveLength(1)

    await driver.stop(slot)
    expect((await mutations()).at(-1)).toEqual({ args: "compose down -t 30", cwd: slot.workdir })
    expect(await driver.inspect(slot)).toEqual({ running: false })

    await driver.stop(slot)
    expect(await driver.inspect(slot)).toEqual({ running: false })
  })

  it("hands the container the names intact once compose has undone its escapes", async () => {
    const slot = makeSlot()
    await makeDriver().start(makeSpec(8, slot))
    const states = path.join(root, "docker-shim-state")
    const [stateFile] = await readdir(states)
    const state = JSON.parse(await readFile(path.join(states, stateFile!), "utf8"))
    const streamer = state.containers.find((c: { service: string }) => c.service === "bbb-streamer")
    expect(streamer.environment.BBB_MEETING_TITLE).toBe(makeSpec(8).meetingName)
    expect(streamer.environment.BBB_STREAM_URL).toBe(`${getEnv().BBB_STREAM_URL}key8`)
  })

  it("stops the other live running on the slot before starting its own", async () => {
    const driver = makeDriver()
    const slot = makeSlot(2)
    await driver.start(makeSpec(1, slot))
    await driver.start(makeSpec(2, slot))
    expect((await mutations()).map((c) => c.args)).toEqual(["compose up -d", "compose down -t 30", "compose up -d"])
    expect(await driver.inspect(slot)).toEqual({ running: true, liveId: 2 })
  })

  it("does nothing to stop on a slot that never had a compose file", async () => {
    await makeDriver().stop(makeSlot(3))
    expect(await calls()).toEqual([])
  })

  it("reads the JSON array older compose versions print", async () => {
    process.env.DOCKER_SHIM_PS_FORMAT = "array"
    const driver = makeDriver()
    const slot = makeSlot()
    await driver.start(makeSpec(9, slot))
    expect(await driver.inspect(slot)).toEqual({ running: true, liveId: 9 })
    await driver.stop(slot)
    expect(await driver.inspect(slot)).toEqual({ running: false })
  })

  it("turns a failing `up` into a StreamerError carrying compose's stderr", async () => {
    process.env.DOCKER_SHIM_FAIL_UP = "1"
    const error = await makeDriver()
      .start(makeSpec(5))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StreamerError)
    expect(error).toMatchObject({ reason: "streamer-start-failed" })
    expect((error as Error).message).toContain("up refused (DOCKER_SHIM_FAIL_UP=1)")
  })

  it("reports a missing docker client as a start failure", async () => {
    const driver = createDockerDriver({ settings: { ...getEnv(), DOCKER_COMMAND: path.join(root, "no-docker") } })
    await expect(driver.start(makeSpec(6))).rejects.toMatchObject({ name: "StreamerError", reason: "streamer-start-failed" })
  })
})

describe("checksum warning", () => {
  it("warns once per process that the container signs with SHA-1 only", () => {
    const lines: string[] = []
    const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) })
    for (let i = 0; i < 2; i++) createDockerDriver({ settings: { ...getEnv(), BBB_CHECKSUM_ALGORITHM: "sha256" }, logger })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ algorithm: "sha256", msg: expect.stringContaining("SHA-1") })
  })
})

describe("parsePsOutput", () => {
  it("reads nothing, an empty array, an array or one object per line", () => {
    const entry = { Service: "bbb-streamer", State: "running", Labels: "a=b" }
    expect(parsePsOutput("")).toEqual([])
    expect(parsePsOutput("[]\n")).toEqual([])
    expect(parsePsOutput(JSON.stringify([entry, entry]))).toEqual([entry, entry])
    expect(parsePsOutput(`${JSON.stringify(entry)}\n${JSON.stringify(entry)}\n`)).toEqual([entry, entry])
  })
})
