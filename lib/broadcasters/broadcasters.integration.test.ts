import { randomUUID } from "node:crypto"

import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { seedMeeting, seedUser } from "@/prisma/seed/factories"

import { createBroadcaster } from "./create-broadcaster"
import { createBuilding } from "./create-building"
import { deleteBroadcaster } from "./delete-broadcaster"
import { deleteBuilding } from "./delete-building"
import { listAdminBroadcasters } from "./list-admin-broadcasters"
import { listAdminBuildings } from "./list-admin-buildings"
import { adminBroadcastersParamsSchema, adminBuildingsParamsSchema, broadcasterInputSchema, buildingInputSchema, deleteBuildingInputSchema } from "./schemas"
import { updateBroadcaster } from "./update-broadcaster"
import { updateBuilding } from "./update-building"

const tag = () => randomUUID().slice(0, 8)

async function auditOf(type: string, id: number) {
  return db.auditEntry.findMany({ where: { entityType: type, entityId: String(id) }, orderBy: { id: "asc" } })
}

async function building(admin: { id: number; firstName: string; lastName: string }, name = `Bâtiment ${tag()}`) {
  return createBuilding(buildingInputSchema.parse({ name }), admin)
}

function broadcasterForm(values: Record<string, string>) {
  return broadcasterInputSchema.parse({ hlsUrl: "https://hls.example.test/stream.m3u8", isPublic: "on", ...values })
}

describe("admin buildings", () => {
  it("creates, renames, lists with broadcaster counts and deletes an empty building, audited", async () => {
    const t = tag()
    const admin = await seedUser({ role: "ADMIN" })
    const created = await building(admin, `Amphi ${t}`)
    await expect(createBuilding({ name: `Amphi ${t}` }, admin)).rejects.toMatchObject({ code: "CONFLICT", details: { field: "name" } })
    await expect(createBuilding({ name: `AMPHI ${t}` }, admin)).rejects.toMatchObject({ code: "CONFLICT", details: { field: "name" } })
    await createBroadcaster(broadcasterForm({ name: `Caméra ${t}`, buildingId: String(created.id) }), admin)
    expect(await updateBuilding({ buildingId: created.id, name: `Amphi B ${t}` }, admin)).toEqual({ id: created.id, name: `Amphi B ${t}` })
    const list = await listAdminBuildings(adminBuildingsParamsSchema.parse({ q: t }))
    expect(list.rows).toEqual([{ id: created.id, name: `Amphi B ${t}`, broadcasterCount: 1, createdAt: expect.any(Date) }])

    const empty = await building(admin)
    expect(await deleteBuilding({ buildingId: empty.id }, admin)).toEqual({ name: empty.name, moved: 0 })
    expect(await db.building.findUnique({ where: { id: empty.id } })).toBeNull()
    expect((await auditOf("building", created.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      ["building.create", null, { name: `Amphi ${t}` }],
      ["building.update", { name: `Amphi ${t}` }, { name: `Amphi B ${t}` }],
    ])
    expect((await auditOf("building", empty.id)).map((e) => e.action)).toEqual(["building.create", "building.delete"])
  })

  it("never deletes a building with broadcasters silently: refused, or its broadcasters moved first", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const full = await building(admin)
    const target = await building(admin)
    const b = await createBroadcaster(broadcasterForm({ name: `Diffuseur ${tag()}`, buildingId: String(full.id) }), admin)
    await expect(deleteBuilding(deleteBuildingInputSchema.parse({ buildingId: full.id, moveToBuildingId: "" }), admin)).rejects.toMatchObject({ code: "BUILDING_NOT_EMPTY" })
    await expect(deleteBuilding({ buildingId: full.id, moveToBuildingId: full.id }, admin)).rejects.toMatchObject({ code: "INVALID_INPUT" })
    await expect(deleteBuilding({ buildingId: full.id, moveToBuildingId: 999_999_999 }, admin)).rejects.toMatchObject({ code: "INVALID_INPUT" })
    expect(await db.broadcaster.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ buildingId: full.id })
    expect((await auditOf("building", full.id)).map((e) => e.action)).toEqual(["building.create"])

    expect(await deleteBuilding({ buildingId: full.id, moveToBuildingId: target.id }, admin)).toEqual({ name: full.name, moved: 1 })
    expect(await db.broadcaster.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ buildingId: target.id })
    expect((await auditOf("building", full.id)).at(-1)).toMatchObject({
      action: "building.delete",
      before: { name: full.name, broadcasters: 1 },
      after: { broadcastersMovedTo: { id: target.id, name: target.name }, moved: 1 },
    })
    await expect(deleteBuilding({ buildingId: full.id }, admin)).rejects.toMatchObject({ code: "NOT_FOUND" })
  })
})

describe("admin broadcasters", () => {
  it("creates with the one slug rule (from the slug typed, else the name), unique, and edits, audited", async () => {
    const t = tag()
    const admin = await seedUser({ role: "ADMIN" })
    const home = await building(admin)
    const other = await building(admin)
    const created = await createBroadcaster(broadcasterForm({ name: `Amphi Éiffel ${t} !`, buildingId: String(home.id), isRestricted: "on" }), admin)
    expect(created).toMatchObject({ slug: `amphi-eiffel-${t}`, isRestricted: true, isPublic: true, isOnAir: false, building: { name: home.name } })
    await expect(createBroadcaster(broadcasterForm({ name: "Autre", slug: `amphi-eiffel-${t}`, buildingId: String(home.id) }), admin)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "slug" },
    })
    await expect(createBroadcaster(broadcasterForm({ name: "Autre", buildingId: "999999999" }), admin)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "buildingId" },
    })
    const updated = await updateBroadcaster(
      { ...broadcasterForm({ name: `Amphi ${t}`, slug: `amphi-${t}`, buildingId: String(other.id) }), broadcasterId: created.id },
      admin,
    )
    expect(updated).toMatchObject({ name: `Amphi ${t}`, slug: `amphi-${t}`, isRestricted: false, buildingId: other.id })
    const entries = await auditOf("broadcaster", created.id)
    expect(entries.map((e) => e.action)).toEqual(["broadcaster.create", "broadcaster.update"])
    expect(entries[1]).toMatchObject({
      before: { name: `Amphi Éiffel ${t} !`, slug: `amphi-eiffel-${t}`, isRestricted: true, buildingId: home.id, building: home.name },
      after: { name: `Amphi ${t}`, slug: `amphi-${t}`, isRestricted: false, buildingId: other.id, building: other.name },
    })
    // Its own slug is not "taken" when it is kept.
    await expect(updateBroadcaster({ ...broadcasterForm({ name: "X", slug: `amphi-${t}`, buildingId: String(other.id) }), broadcasterId: created.id }, admin)).resolves.toMatchObject({ slug: `amphi-${t}` })

    const list = await listAdminBroadcasters(adminBroadcastersParamsSchema.parse({ q: `amphi-${t}`, buildingId: String(other.id), onAir: "no" }))
    expect(list.rows.map((r) => r.id)).toEqual([created.id])
    expect((await listAdminBroadcasters(adminBroadcastersParamsSchema.parse({ q: `amphi-${t}`, onAir: "yes" }))).total).toBe(0)
  })

  it("validates every field with keys of the form's messages", () => {
    const result = broadcasterInputSchema.safeParse({ name: "", slug: "Pas Bon", hlsUrl: "javascript:alert(1)", buildingId: "" })
    expect(Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      name: "required",
      slug: "slugInvalid",
      hlsUrl: "urlInvalid",
      buildingId: "buildingRequired",
    })
  })

  it("refuses to delete a broadcaster an active live plays through; deletes it once the live ended", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const teacher = await seedUser({ role: "TEACHER" })
    const home = await building(admin)
    const b = await createBroadcaster(broadcasterForm({ name: `En direct ${tag()}`, buildingId: String(home.id) }), admin)
    const meeting = await seedMeeting()
    const live = await db.live.create({ data: { meetingId: meeting.id, activeMeetingId: meeting.id, requestedById: teacher.id, status: "RUNNING", broadcasterId: b.id } })
    await expect(deleteBroadcaster({ broadcasterId: b.id }, admin)).rejects.toMatchObject({ code: "BROADCASTER_IN_USE" })
    expect(await db.broadcaster.findUnique({ where: { id: b.id } })).not.toBeNull()

    await db.live.update({ where: { id: live.id }, data: { status: "STOPPED", activeMeetingId: null, endedAt: new Date() } })
    expect(await deleteBroadcaster({ broadcasterId: b.id }, admin)).toEqual({ name: b.name })
    expect(await db.live.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ broadcasterId: null })
    expect((await auditOf("broadcaster", b.id)).at(-1)).toMatchObject({ action: "broadcaster.delete", before: { name: b.name, slug: b.slug }, after: null })
    await expect(deleteBroadcaster({ broadcasterId: b.id }, admin)).rejects.toMatchObject({ code: "NOT_FOUND" })
  })
})
