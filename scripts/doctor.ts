// npm run doctor [-- --mail] — checks this installation end to end (lib/doctor/run-doctor.ts) and prints
// a table: PASS/FAIL/SKIP per check with the fix of each failure. Exit status 1 on any FAIL.
// Run it on any host of the installation with that host's settings (EnvironmentFile of its role).
import { bootstrap } from "@/lib/boot/bootstrap"
import { formatDoctorReport } from "@/lib/doctor/format-doctor-report"
import { runDoctor } from "@/lib/doctor/run-doctor"

// The table is the output: no log lines in between (LOG_LEVEL from the environment still wins).
process.env.LOG_LEVEL ??= "silent"
// .env only: the settings are the first check, the services the next ones.
await bootstrap("doctor", { settings: false })
const report = await runDoctor(process.env, { sendMail: process.argv.includes("--mail") })
console.log(formatDoctorReport(report))
process.exit(report.ok ? 0 : 1)
