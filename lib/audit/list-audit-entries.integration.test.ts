import { describe, expect, it } from "vitest"

import { parseListParams } from "@/lib/lists/list-params"
import { db } from "@/lib/db"
import { seedUser, uniqueSuffix } from "@/prisma/seed/factories"

import { listAuditEntityTypes, listAuditEntries } from "./list-audit-entries"
import { recordAuditEntry } from "./record-audit-entry"
import { auditEntriesParamsSchema } from "./schemas"

const params = (raw: Record<string, string>) => parseListParams(auditEntriesParamsSchema, raw)

describe("listAuditEntries", () => {
  it("lists entries newest first, searched by who, what or entity id, filtered by entity type", async () => {
    const admin = await seedUser({ role: "ADMIN", lastName: `Auditrice${uniqueSuffix()}` })
    const id = uniqueSuffix()
    await db.$transaction((tx) => recordAuditEntry(tx, admin, { action: "live.update", entity: { type: "live", id }, before: { showChat: true, name: "A" }, after: { showChat: false, name: "A" } }))
    await db.$transaction((tx) => recordAuditEntry(tx, admin, { action: "user.create", entity: { type: "user", id }, after: { username: "x" } }))

    const byAdmin = await listAuditEntries(params({ q: admin.lastName }))
    expect(byAdmin.total).toBe(2)
    expect(byAdmin.rows.map((r) => r.action)).toEqual(["user.create", "live.update"])
    expect(byAdmin.rows[1]).toMatchObject({ actorId: admin.id, entityType: "live", entityId: id, before: { showChat: true }, after: { showChat: false } })
    expect((await listAuditEntries(params({ q: id, entityType: "user" }))).rows.map((r) => r.action)).toEqual(["user.create"])
    expect((await listAuditEntries(params({ q: admin.lastName, sort: "action", dir: "asc" }))).rows.map((r) => r.action)).toEqual(["live.update", "user.create"])
    expect((await listAuditEntries(params({ q: admin.lastName, to: "2020-01-01" }))).total).toBe(0)
    expect(await listAuditEntityTypes()).toEqual(expect.arrayContaining(["live", "user"]))
  })

  it("names what each entry is about and writes no entry for a save that changed nothing", async () => {
    const admin = await seedUser({ role: "ADMIN", lastName: `Nommeuse${uniqueSuffix()}` })
    const user = await seedUser({ firstName: "Jean", lastName: `Martin${uniqueSuffix()}` })
    const gone = uniqueSuffix()
    await db.$transaction(async (tx) => {
      await recordAuditEntry(tx, admin, { action: "user.update", entity: { type: "user", id: user.id }, before: { role: "TEACHER", lastName: user.lastName }, after: { role: "STUDENT", lastName: user.lastName } })
      // Nothing changed: no entry.
      await recordAuditEntry(tx, admin, { action: "user.update", entity: { type: "user", id: user.id }, before: { role: "STUDENT" }, after: { role: "STUDENT" } })
      // A building deleted since: the name its entry recorded.
      await recordAuditEntry(tx, admin, { action: "building.delete", entity: { type: "building", id: gone }, before: { name: `Annexe ${gone}`, broadcasters: 0 } })
    })
    const rows = (await listAuditEntries(params({ q: admin.lastName }))).rows
    expect(rows.map((r) => [r.action, r.entityName, r.before, r.after])).toEqual([
      ["building.delete", `Annexe ${gone}`, { name: `Annexe ${gone}`, broadcasters: 0 }, null],
      ["user.update", `Jean ${user.lastName} (${user.username})`, { role: "TEACHER" }, { role: "STUDENT" }],
    ])
  })
})
