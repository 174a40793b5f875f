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
console.log("Demo BBB sessions running in the simulator: « Amphi L1 — Chimie générale » (Hélène Lefèvre), « TD Algorithmique » (Jean Martin), and two with moderators to match for the admin")
