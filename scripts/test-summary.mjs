// Prints the one closing line of `npm test`: "tests: N passed, N failed[, N skipped]".
import { existsSync, readFileSync } from "node:fs"

const [vitestFile, playwrightFile, buildRc, tscRc] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, "utf8"))
  passed += v.numPassedTests ?? 0
  // A file that fails to load has no test results: count it as one failure.
  const brokenFiles = (v.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0)
  failed += (v.numFailedTests ?? 0) + brokenFiles.length
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
} else failed += 1
if (buildRc !== "0") failed += 1
if (tscRc !== "0") failed += 1 // type or lint errors
if (existsSync(playwrightFile) && buildRc === "0") {
  const s = JSON.parse(readFileSync(playwrightFile, "utf8")).stats ?? {}
  passed += s.expected ?? 0
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0)
  skipped += s.skipped ?? 0
} else if (buildRc === "0") failed += 1
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
