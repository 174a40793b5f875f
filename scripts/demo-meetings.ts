// Puts running BBB sessions into the simulator for the demo: one moderated by Hélène Lefèvre (a
// first-year lecture with many students), one by Jean Martin, and two for the admin's matching page:
// one moderated by "Marie Dupont" (two accounts bear that name: the platform does not guess) and
// one by "H. Lefèvre-Durand", a name no account bears (the page suggests Hélène Lefèvre).
import { createSimulatorControlClient } from "@/tools/bbb-simulator/control-client"

const sim = createSimulatorControlClient(process.argv[2] ?? "http://127.0.0.1:8090")
const students = (n: number) => Array.from({ length: n }, (_, i) => ({ fullName: `Étudiant ${i + 1}`, role: "VIEWER" as const }))
await sim.createMeeting({
  meetingID: "demo-amphi-l1",
  name: "Amphi L1 — Chimie générale",
  record: true,
  attendees: [{ fullName: "Hélène Lefèvre", role: "MODERATOR" }, ...students(95)],
})
await sim.createMeeting({
  meetingID: "demo-td-algo",
  name: "TD Algorithmique (groupe 2)",
  attendees: [{ fullName: "Jean Martin", role: "MODERATOR" }, ...students(24)],
})
await sim.createMeeting({
  meetingID: "demo-seminaire-histoire",
  name: "Séminaire d'histoire moderne",
  attendees: [{ fullName: "Marie Dupont", role: "MODERATOR" }, ...students(18)],
})
await sim.createMeeting({
  meetingID: "demo-amphi-l2",
  name: "Amphi L2 — Chimie organique",
  attendees: [{ fullName: "H. Lefèvre-Durand", role: "MODERATOR" }, ...students(60)],
})
// Past recordings of the teachers' sessions, as BBB keeps them (the record id and <internalMeetingID> are
// the session's internal id): two of the demo's past session moderated by Hélène Lefèvre (the database's
// demo meeting, prisma/seed/demo.ts) and one of Jean Martin's running session. One command then gives them
// to their teachers' « Mes vidéos » (README, « Mes vidéos » in the demo):
//   npm run migrate-recordings -- --use-import-video
const day = 24 * 3600_000
await sim.addRecording({ meetingID: "amphi-b-chimie-organique", internalMeetingID: "demo-amphi-b-chimie-organique-2026", name: "Amphi B — Chimie organique, CM 4", startTime: Date.now() - 2 * day, formats: ["presentation", "video"] })
await sim.addRecording({ meetingID: "amphi-b-chimie-organique", internalMeetingID: "demo-amphi-b-chimie-organique-2026", recordID: "demo-amphi-b-chimie-organique-2026-part-2", name: "Amphi B — Chimie organique, CM 4 (suite)", startTime: Date.now() - 2 * day + 3_600_000, formats: ["presentation", "video"] })
await sim.addRecording({ meetingID: "demo-td-algo", name: "TD Algorithmique (groupe 2) — séance 3", startTime: Date.now() - 7 * day, formats: ["presentation", "video"] })
console.log("Demo BBB sessions running in the simulator: « Amphi L1 — Chimie générale » (Hélène Lefèvre), « TD Algorithmique » (Jean Martin), and two with moderators to match for the admin")
