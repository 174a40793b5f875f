// Prints the closing lines of `npm test`: one "stage failed: …" line per stage that failed or did not
// run at all (it counts as one failure: a suite that could not run never reads as green), then the
// one line CI reads, "tests: N passed, N failed[, N skipped]".
//
//   node scripts/test-summary.mjs --tsc-rc 0 --vitest-json f --vitest-rc 0 --build-rc 0 --playwright-json f --playwright-rc 0
//
// A missing --*-rc means the stage never ran; a missing or unreadable JSON file means it wrote no results.
// The browser tests may run as several Playwright runs (npm test's two stacks): --playwright-json and
// --playwright-rc then come once per run, in the same order, and each run is judged on its own.
import { existsSync, readFileSync } from "node:fs"
import { parseArgs } from "node:util"

const { values: args } = parseArgs({
  options: {
    "tsc-rc": { type: "string" },
    "vitest-json": { type: "string" },
    "vitest-rc": { type: "string" },
    "build-rc": { type: "string" },
    "playwright-json": { type: "string", multiple: true },
    "playwright-rc": { type: "string", multiple: true },
  },
})

function readJson(file) {
  if (!file || !existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, "utf8"))
  } catch {
    return undefined
  }
}

const firstLine = (text) => String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "").trim().split("\n")[0].slice(0, 200)

let passed = 0
let failed = 0
let skipped = 0
/** Stages that failed or did not run, beyond their tests' own failures. */
const stages = []
const stageFailed = (what) => {
  stages.push(what)
  failed += 1
}

// Type check and lint.
if (args["tsc-rc"] === undefined) stageFailed("type check and lint: did not run")
else if (args["tsc-rc"] !== "0") stageFailed(`type check and lint: failed (exit ${args["tsc-rc"]})`)

// Unit and integration tests.
const vitestRc = args["vitest-rc"]
const vitest = readJson(args["vitest-json"])
if (vitestRc === undefined) stageFailed("unit and integration tests (vitest): did not run")
else if (!vitest) stageFailed(`unit and integration tests (vitest): wrote no results (exit ${vitestRc})`)
else {
  passed += vitest.numPassedTests ?? 0
  // A file that fails to load has no test results: count it as one failure.
  const brokenFiles = (vitest.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0)
  const testFailures = (vitest.numFailedTests ?? 0) + brokenFiles.length
  failed += testFailures
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
  if ((vitest.numTotalTests ?? 0) === 0 && brokenFiles.length === 0) stageFailed("unit and integration tests (vitest): no test collected")
  else if (vitestRc !== "0" && testFailures === 0) stageFailed(`unit and integration tests (vitest): exit ${vitestRc} without a failed test (crash or unhandled error)`)
}

// Production build.
const buildRc = args["build-rc"]
if (buildRc === undefined) stageFailed("production build: did not run")
else if (buildRc !== "0") stageFailed(`production build: failed (exit ${buildRc})`)

// Browser tests, one or more runs.
const playwrightRuns = args["playwright-json"] ?? []
const playwrightRcs = args["playwright-rc"] ?? []
const runs = Math.max(playwrightRuns.length, playwrightRcs.length, 1)
for (let i = 0; i < runs; i++) {
  const name = runs > 1 ? `browser tests (Playwright, run ${i + 1} of ${runs})` : "browser tests (Playwright)"
  const playwrightRc = playwrightRcs[i]
  const playwright = readJson(playwrightRuns[i])
  if (playwrightRc === undefined) {
    stageFailed(`${name}: did not run${buildRc !== undefined && buildRc !== "0" ? " (the build failed)" : ""}`)
    continue
  }
  if (!playwright) {
    stageFailed(`${name}: wrote no results (exit ${playwrightRc})`)
    continue
  }
  const s = playwright.stats ?? {}
  const testFailures = (s.unexpected ?? 0) + (s.flaky ?? 0)
  passed += s.expected ?? 0
  failed += testFailures
  skipped += s.skipped ?? 0
  const total = (s.expected ?? 0) + (s.unexpected ?? 0) + (s.flaky ?? 0) + (s.skipped ?? 0)
  // Errors outside tests: the web server did not start, a global setup or a spec file failed to load.
  const errors = playwright.errors ?? []
  if (errors.length > 0) stageFailed(`${name}: ${firstLine(errors[0].message)}${errors.length > 1 ? ` (+${errors.length - 1} more errors)` : ""}`)
  else if (total === 0) stageFailed(`${name}: no test collected`)
  else if (playwrightRc !== "0" && testFailures === 0) stageFailed(`${name}: exit ${playwrightRc} without a failed test`)
}

console.log("")
for (const stage of stages) console.log(`stage failed: ${stage}`)
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
