// `npm run bbb:sync` as an operator runs it: a real process, the BBB simulator, PostgreSQL, Redis.
import { execFile } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { startBbbSimulator, type BbbSimulator } from "@/tools/bbb-simulator/server"
import { dedicatedDatabaseUrl } from "@/vitest.test-env"

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, "..")
let sim: BbbSimulator

async function bbbSync(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(path.join(root, "node_modules/.bin/tsx"), ["scripts/bbb-sync.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: dedicatedDatabaseUrl("cli"), LOG_LEVEL: "silent", ...env },
      timeout: 60_000,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: "cli-secret" })
  sim.state.createMeeting({ meetingID: "cli-1", name: "Cours CLI", attendees: [{ fullName: "Prof CLI", role: "MODERATOR" }] })
})
afterAll(async () => sim.close())

describe("npm run bbb:sync", () => {
  it("syncs and says what it did", async () => {
    const result = await bbbSync({ BBB_SERVER_URL: `${sim.url}/`, BBB_SECRET_KEY: "cli-secret" })
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Synced 1 running meeting\(s\) from 127\.0\.0\.1:\d+: 1 new or changed/)
  })

  it("exits non-zero with a clear message when BBB does not answer", async () => {
    const result = await bbbSync({ BBB_SERVER_URL: "http://127.0.0.1:9/", BBB_SECRET_KEY: "cli-secret" })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("Meeting sync failed (BBB_UNAVAILABLE)")
    expect(result.stderr).toContain("Nothing was changed.")
  })

  it("exits non-zero when BBB refuses the checksum (wrong secret)", async () => {
    const result = await bbbSync({ BBB_SERVER_URL: `${sim.url}/`, BBB_SECRET_KEY: "wrong-secret" })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("checksumError")
  })

  it("names a bad setting", async () => {
    const result = await bbbSync({ BBB_SERVER_URL: "not a url", BBB_SECRET_KEY: "x" })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("BBB_SERVER_URL")
  })
})
