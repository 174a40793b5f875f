// npm run db:seed — the demo accounts, printed with their passwords. Idempotent: re-running resets
// their passwords and roles and creates nothing twice.
import { bootstrap } from "@/lib/boot/bootstrap"
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { userNameKeys } from "@/lib/meetings/name-keys"
import { hashPassword } from "@/lib/users/create-user"

import { audienceCurve, seedPlatformHistory } from "./demo-audience"

await bootstrap("db:seed", { services: false })

export const DEMO_USERS = [
  { username: "admin", email: "admin@example.org", firstName: "Alice", lastName: "Admin", role: "ADMIN", password: "admin-demo-2026" },
  { username: "hlefevre", email: "helene.lefevre@example.org", firstName: "Hélène", lastName: "Lefèvre", role: "TEACHER", password: "teacher-demo-2026" },
  { username: "jmartin", email: "jean.martin@example.org", firstName: "Jean", lastName: "Martin", role: "TEACHER", password: "teacher-demo-2026" },
  // Two teachers with the same name: the BBB session "Marie Dupont" moderates is left to an admin.
  { username: "mdupont", email: "marie.dupont@example.org", firstName: "Marie", lastName: "Dupont", role: "TEACHER", password: "teacher-demo-2026" },
  { username: "mdupont2", email: "marie.dupont2@example.org", firstName: "Marie", lastName: "Dupont", role: "TEACHER", password: "teacher-demo-2026" },
  { username: "etudiant", email: "etudiant@example.org", firstName: "Emma", lastName: "Étudiante", role: "STUDENT", password: "student-demo-2026" },
] as const

for (const u of DEMO_USERS) {
  const data = {
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    ...userNameKeys(u.firstName, u.lastName),
    role: u.role,
    isActive: true,
    passwordHash: await hashPassword(u.password),
  }
  await db.user.upsert({ where: { username: u.username }, create: { username: u.username, ...data }, update: data })
}
await db.building.upsert({ where: { name: "Campus" }, create: { name: "Campus" }, update: {} })
// A building and a broadcaster added by hand (off air: the Lives page lists on-air ones only), for the
// admin's lists.
const amphis = await db.building.upsert({ where: { name: "Bâtiment B — Amphithéâtres" }, create: { name: "Bâtiment B — Amphithéâtres" }, update: {} })
const fixedCamera = {
  name: "Amphi Pasteur (caméra fixe)",
  hlsUrl: "https://video.univ.example/hls/amphi-pasteur.m3u8",
  isOnAir: false,
  isRestricted: false,
  isPublic: true,
  buildingId: amphis.id,
}
await db.broadcaster.upsert({ where: { slug: "amphi-pasteur-camera-fixe" }, create: { slug: "amphi-pasteur-camera-fixe", ...fixedCamera }, update: fixedCamera })

// A past session with its attendees and two ended lives (one stopped, one failed), so the admin
// lists (/admin/lives, /admin/meetings) show realistic rows. Ended two days ago: the teachers' pages,
// which show running sessions and the last hours' lives, do not list it. Re-running recreates it.
const DEMO_MEETING = "demo-amphi-b-chimie-organique-2026"
const teacher = await db.user.findUniqueOrThrow({ where: { username: "hlefevre" } })
const day = (offsetHours: number) => new Date(Date.now() - 48 * 3600_000 + offsetHours * 3600_000)
await db.meeting.deleteMany({ where: { internalMeetingId: DEMO_MEETING } })
await db.meeting.create({
  data: {
    meetingId: "amphi-b-chimie-organique",
    internalMeetingId: DEMO_MEETING,
    name: "Amphi B — Chimie organique, CM 4",
    sessionDate: day(0),
    recorded: true,
    participantCount: 3,
    moderatorCount: 1,
    lastSeenRunningAt: day(2),
    endedAt: day(2),
    attendees: {
      create: [
        { attendeeKey: "w_demo_1", fullName: "Hélène Lefèvre", normalizedName: "helene lefevre", role: "MODERATOR", userId: teacher.id, matchStatus: "BY_NAME", lastSeenAt: day(2), leftAt: day(2) },
        { attendeeKey: "w_demo_2", fullName: "Lucas Bernard", normalizedName: "lucas bernard", role: "VIEWER", lastSeenAt: day(2), leftAt: day(2) },
        { attendeeKey: "w_demo_3", fullName: "Chloé Moreau", normalizedName: "chloe moreau", role: "VIEWER", lastSeenAt: day(1), leftAt: day(1) },
      ],
    },
    lives: {
      create: [
        { requestedById: teacher.id, status: "FAILED", failureReason: "STREAM_STALLED", requestedAt: day(0.1), startedAt: day(0.12), endedAt: day(0.3), serverLabel: "1/1", showChat: true, enableChat: true },
        // Restarted once by its agent 50 minutes in: a short gap in its audience curve.
        { requestedById: teacher.id, status: "STOPPED", stopReason: "MEETING_ENDED", requestedAt: day(0.4), startedAt: day(0.42), streamerStartedAt: day(1.25), restartCount: 1, endedAt: day(2), serverLabel: "1/2", showChat: true, enableChat: true, downloadMeeting: true },
      ],
    },
  },
})

// Its audience (« Mes directs »): a sample every 10 s, students arriving over the first minutes, a slow
// decline, a dip and a gap at the restart, the room emptying at the end; and a few chat messages.
const watched = await db.live.findFirstOrThrow({ where: { meeting: { internalMeetingId: DEMO_MEETING }, status: "STOPPED" } })
const from = watched.startedAt!.getTime()
const restart = watched.streamerStartedAt!.getTime()
// The sampling paused while the streamer restarted.
const pause = { from: restart - 30_000, to: restart + 20_000 }
await db.liveAudienceSample.createMany({ data: audienceCurve({ liveId: watched.id, from, to: watched.endedAt!.getTime(), peak: 84, pause }) })
const questions = [
  ["Lucas Bernard", "Bonjour, le son est bon de notre côté."],
  ["Chloé Moreau", "Pouvez-vous rappeler la règle de Markovnikov ?"],
  ["Lucas Bernard", "Les diapositives seront-elles sur Moodle ?"],
  ["Chloé Moreau", "Merci pour le cours !"],
] as const
await db.chatMessage.createMany({
  data: questions.map(([authorName, body], i) => ({ liveId: watched.id, authorName, body, relayStatus: "DELIVERED" as const, sentAt: new Date(from + (5 + i * 25) * 60_000) })),
})

// The platform's last 30 days (the admin overview's charts): the demo teachers' past lives.
const demoTeachers = await db.user.findMany({ where: { username: { in: ["hlefevre", "jmartin", "mdupont"] } }, select: { id: true } })
const history = await seedPlatformHistory({ teacherIds: demoTeachers.map((u) => u.id), cap: getEnv().BBB_NUMBER_MAX_LIVES })
console.log(`Last 30 days: ${history.lives} past lives, ${history.samples} audience samples.`)

console.log("Demo accounts (username / password):")
for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(7)} ${`${u.firstName} ${u.lastName}`.padEnd(18)} ${u.username.padEnd(9)} / ${u.password}`)
await db.$disconnect()
