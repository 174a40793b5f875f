// The simulator starts with one command, and the CLI drives it (real processes, as a developer runs them).
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { createBbbClient } from "@/lib/bbb/client"

const run = promisify(execFile)
const repoRoot = fileURLToPath(new URL("../..", import.meta.url))
const tsx = `${repoRoot}node_modules/.bin/tsx`
const SECRET = "cli-test-secret"

let server: ChildProcess
let url: string

beforeAll(async () => {
  server = spawn(tsx, ["tools/bbb-simulator/server.ts", "--port", "0", "--quiet"], {
    cwd: repoRoot,
    env: { ...process.env, BBB_SIM_SECRET: SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  })
  url = await new Promise<string>((resolve, reject) => {
    let output = ""
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${output}`)), 20_000)
    server.stdout?.on("data", (data: Buffer) => {
      output += data.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    server.stderr?.on("data", (data: Buffer) => {
      output += data.toString()
    })
    server.once("exit", (code) => reject(new Error(`simulator exited with ${code}: ${output}`)))
  })
}, 30_000)

afterAll(() => {
  server?.kill("SIGTERM")
})

async function cli(...args: string[]): Promise<unknown> {
  const { stdout } = await run(tsx, ["tools/bbb-simulator/cli.ts", ...args, "--url", url], { cwd: repoRoot })
  return JSON.parse(stdout)
}

describe("simulator processes", () => {
  it("starts with one command, reads its secret from BBB_SIM_SECRET, and obeys the CLI", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await cli("create", "--name", "Cours & TD", "--id", "cli-1", "--viewers", "2", "--meta", "bbb-origin=Pod")).toMatchObject({
      meetingID: "cli-1",
      participantCount: 3,
      moderatorCount: 1,
    })
    const meetings = await createBbbClient({ serverUrl: url, secret: SECRET }).getMeetings()
    expect(meetings).toEqual([expect.objectContaining({ meetingID: "cli-1", meetingName: "Cours & TD", metadata: { "bbb-origin": "Pod" } })])
    expect(await cli("fault", "failed", "--message-key", "maintenance", "--call", "getMeetings", "--times", "1")).toMatchObject({ remaining: 1 })
    expect(await cli("state")).toMatchObject({ meetings: [expect.objectContaining({ meetingID: "cli-1" })], faults: [expect.objectContaining({ call: "getMeetings" })] })
  }, 30_000)
})
