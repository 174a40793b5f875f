// npm test's closing lines: a stage that failed or never ran is named and counted as failed, so a
// suite that could not run never reads as green. Runs the real script on result files like the
// ones vitest and Playwright write.
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

import { afterAll, describe, expect, it } from "vitest"

const script = fileURLToPath(new URL("./test-summary.mjs", import.meta.url))
const dir = mkdtempSync(path.join(os.tmpdir(), "test-summary-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let files = 0
function json(content: unknown): string {
  const file = path.join(dir, `${++files}.json`)
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content))
  return file
}

const vitestOk = { numTotalTests: 497, numPassedTests: 496, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0, testResults: [{ status: "passed", assertionResults: [{}] }] }
const playwrightOk = { stats: { expected: 40, unexpected: 0, flaky: 0, skipped: 0 }, errors: [] }

/** The stage lines and the closing line, for these arguments (undefined: argument left out). */
function summary(args: Record<string, string | string[] | undefined>): { stages: string[]; last: string } {
  const argv = Object.entries(args).flatMap(([name, value]) => (value === undefined ? [] : [value].flat().flatMap((v) => [`--${name}`, v])))
  const lines = execFileSync(process.execPath, [script, ...argv], { encoding: "utf8" }).trim().split("\n")
  return { stages: lines.filter((l) => l.startsWith("stage failed: ")).map((l) => l.slice("stage failed: ".length)), last: lines.at(-1)! }
}

const allGreen = {
  "tsc-rc": "0",
  "vitest-json": json(vitestOk),
  "vitest-rc": "0",
  "build-rc": "0",
  "playwright-json": json(playwrightOk),
  "playwright-rc": "0",
}

describe("test summary", () => {
  it("a full green run: no stage line, and the closing line CI reads", () => {
    expect(summary(allGreen)).toEqual({ stages: [], last: "tests: 536 passed, 0 failed, 1 skipped" })
  })

  it("Playwright's web server did not start (the demo held its port): named and counted, never green", () => {
    const webServerFailed = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: "Error: Process from config.webServer was not able to start. Exit code: 1" }] }
    expect(summary({ ...allGreen, "playwright-json": json(webServerFailed), "playwright-rc": "1" })).toEqual({
      stages: ["browser tests (Playwright): Error: Process from config.webServer was not able to start. Exit code: 1"],
      last: "tests: 496 passed, 1 failed, 1 skipped",
    })
  })

  it("Playwright exited without writing results, or wrote unreadable ones", () => {
    expect(summary({ ...allGreen, "playwright-json": path.join(dir, "missing.json"), "playwright-rc": "1" })).toMatchObject({
      stages: ["browser tests (Playwright): wrote no results (exit 1)"],
      last: "tests: 496 passed, 1 failed, 1 skipped",
    })
    expect(summary({ ...allGreen, "playwright-json": json('{"stats": {"expec'), "playwright-rc": "1" }).stages).toEqual(["browser tests (Playwright): wrote no results (exit 1)"])
  })

  it("Playwright collected no test, or exited non-zero with every test passed", () => {
    const none = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [] }
    expect(summary({ ...allGreen, "playwright-json": json(none) }).stages).toEqual(["browser tests (Playwright): no test collected"])
    expect(summary({ ...allGreen, "playwright-rc": "1" })).toEqual({
      stages: ["browser tests (Playwright): exit 1 without a failed test"],
      last: "tests: 536 passed, 1 failed, 1 skipped",
    })
  })

  it("the build failed: the build and the browser tests it kept from running are both named", () => {
    expect(summary({ ...allGreen, "build-rc": "1", "playwright-json": path.join(dir, "missing.json"), "playwright-rc": undefined })).toEqual({
      stages: ["production build: failed (exit 1)", "browser tests (Playwright): did not run (the build failed)"],
      last: "tests: 496 passed, 2 failed, 1 skipped",
    })
  })

  it("vitest crashed before writing results, collected nothing, or failed outside any test", () => {
    expect(summary({ ...allGreen, "vitest-json": path.join(dir, "missing.json"), "vitest-rc": "1" })).toEqual({
      stages: ["unit and integration tests (vitest): wrote no results (exit 1)"],
      last: "tests: 40 passed, 1 failed",
    })
    const empty = { numTotalTests: 0, numPassedTests: 0, numFailedTests: 0, testResults: [] }
    expect(summary({ ...allGreen, "vitest-json": json(empty), "vitest-rc": "1" }).stages).toEqual(["unit and integration tests (vitest): no test collected"])
    expect(summary({ ...allGreen, "vitest-rc": "1" }).stages).toEqual(["unit and integration tests (vitest): exit 1 without a failed test (crash or unhandled error)"])
  })

  it("failed tests are counted as tests, without a stage line; a file that did not load counts once", () => {
    const failing = { ...vitestOk, numPassedTests: 494, numFailedTests: 2, testResults: [{ status: "failed", assertionResults: [] }, { status: "failed", assertionResults: [{}, {}] }] }
    expect(summary({ ...allGreen, "vitest-json": json(failing), "vitest-rc": "1" })).toEqual({ stages: [], last: "tests: 534 passed, 3 failed, 1 skipped" })
  })

  it("two browser-test runs (npm test's two stacks): both counted; one that failed to start is named by its number", () => {
    const twoGreen = { ...allGreen, "playwright-json": [json(playwrightOk), json(playwrightOk)], "playwright-rc": ["0", "0"] }
    expect(summary(twoGreen)).toEqual({ stages: [], last: "tests: 576 passed, 0 failed, 1 skipped" })
    const noServer = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: "Error: Process from config.webServer was not able to start. Exit code: 1" }] }
    expect(summary({ ...twoGreen, "playwright-json": [json(playwrightOk), json(noServer)], "playwright-rc": ["0", "1"] })).toEqual({
      stages: ["browser tests (Playwright, run 2 of 2): Error: Process from config.webServer was not able to start. Exit code: 1"],
      last: "tests: 536 passed, 1 failed, 1 skipped",
    })
    // A run that never reported (killed): missing from the list, still named.
    expect(summary({ ...twoGreen, "playwright-json": [json(playwrightOk)], "playwright-rc": ["0", "137"] }).stages).toEqual(["browser tests (Playwright, run 2 of 2): wrote no results (exit 137)"])
  })

  it("type check or lint failed, or a stage was never started", () => {
    expect(summary({ ...allGreen, "tsc-rc": "2" })).toEqual({ stages: ["type check and lint: failed (exit 2)"], last: "tests: 536 passed, 1 failed, 1 skipped" })
    expect(summary({}).stages).toEqual([
      "type check and lint: did not run",
      "unit and integration tests (vitest): did not run",
      "production build: did not run",
      "browser tests (Playwright): did not run",
    ])
  })
})
