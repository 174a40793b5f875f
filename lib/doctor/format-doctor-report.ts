// The doctor's table as text: one line per check (name, PASS/FAIL/SKIP, what was seen, on one line
// whatever the error said), the fix under each failure, and a closing count.
import type { DoctorReport } from "./run-doctor"

export function formatDoctorReport(report: DoctorReport): string {
  const width = Math.max(5, ...report.checks.map((c) => c.check.length)) + 2
  const pad = (text: string) => text.padEnd(width)
  const lines = [`${pad("CHECK")}RESULT  DETAIL`]
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim()
  for (const c of report.checks) {
    lines.push(`${pad(c.check)}${c.status.padEnd(8)}${oneLine(c.detail)}`)
    if (c.fix) lines.push(`${pad("")}${"".padEnd(8)}fix: ${oneLine(c.fix)}`)
  }
  const count = (status: string) => report.checks.filter((c) => c.status === status).length
  lines.push("", `${report.checks.length} checks: ${count("PASS")} PASS, ${count("FAIL")} FAIL, ${count("SKIP")} SKIP`)
  return lines.join("\n")
}
