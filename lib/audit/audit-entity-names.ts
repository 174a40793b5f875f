// The audit log names what each entry is about (« Jean Martin (jmartin) », « Amphi Sud ») instead of
// « Utilisateur #17 »: the current name of each entity, else the name its own entry recorded (a
// deleted building keeps the name in its « before »), else null (the page then shows the number).
import { db } from "@/lib/db"

type Entry = { entityType: string; entityId: string; before: unknown; after: unknown }

const ids = (entries: Entry[], type: string) => [...new Set(entries.filter((e) => e.entityType === type).map((e) => Number(e.entityId)).filter(Number.isSafeInteger))]

/** A name recorded in the entry itself (creation / deletion values, or a rename's new name). */
function recordedName(entry: Entry): string | null {
  for (const values of [entry.after, entry.before]) {
    if (values && typeof values === "object" && !Array.isArray(values)) {
      const v = values as Record<string, unknown>
      if (typeof v.firstName === "string" && typeof v.lastName === "string") return `${v.firstName} ${v.lastName}${typeof v.username === "string" ? ` (${v.username})` : ""}`
      if (typeof v.name === "string") return v.name
    }
  }
  return null
}

/** "<type>:<id>" → the entity's name, for the entries given (one query per entity type present). */
export async function auditEntityNames(entries: Entry[]): Promise<Map<string, string>> {
  const [users, buildings, broadcasters, meetings, lives, attendees] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids(entries, "user") } }, select: { id: true, firstName: true, lastName: true, username: true } }),
    db.building.findMany({ where: { id: { in: ids(entries, "building") } }, select: { id: true, name: true } }),
    db.broadcaster.findMany({ where: { id: { in: ids(entries, "broadcaster") } }, select: { id: true, name: true } }),
    db.meeting.findMany({ where: { id: { in: ids(entries, "meeting") } }, select: { id: true, name: true } }),
    db.live.findMany({ where: { id: { in: ids(entries, "live") } }, select: { id: true, meeting: { select: { name: true } } } }),
    db.attendee.findMany({ where: { id: { in: ids(entries, "attendee") } }, select: { id: true, fullName: true } }),
  ])
  const names = new Map<string, string>()
  for (const e of entries) {
    const name = recordedName(e)
    if (name) names.set(`${e.entityType}:${e.entityId}`, name)
  }
  for (const u of users) names.set(`user:${u.id}`, `${u.firstName} ${u.lastName} (${u.username})`)
  for (const b of buildings) names.set(`building:${b.id}`, b.name)
  for (const b of broadcasters) names.set(`broadcaster:${b.id}`, b.name)
  for (const m of meetings) names.set(`meeting:${m.id}`, m.name)
  for (const l of lives) names.set(`live:${l.id}`, l.meeting.name)
  for (const a of attendees) names.set(`attendee:${a.id}`, a.fullName)
  return names
}
