// npm run db:seed — the demo accounts, printed with their passwords. Idempotent: re-running resets
// their passwords and roles and creates nothing twice.
import { bootstrap } from "@/lib/config/bootstrap"
import { db } from "@/lib/db"
import { hashPassword } from "@/lib/users/create-user"
import { userNameKeys } from "@/lib/users/normalize-name"

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

console.log("Demo accounts (username / password):")
for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(7)} ${`${u.firstName} ${u.lastName}`.padEnd(18)} ${u.username.padEnd(9)} / ${u.password}`)
await db.$disconnect()
