import { afterEach, describe, expect, it } from "vitest"

import { parseListParams } from "@/lib/lists/list-params"
import { resetEnvCache } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { LiveStatus } from "@/lib/generated/prisma/client"
import { seedMeeting, seedUser, uniqueSuffix } from "@/prisma/seed/factories"

import { deleteLive } from "./delete-live"
import { getAdminLive } from "./get-admin-live"
import { listAdminLives, listLiveServers } from "./list-admin-lives"
import { adminLivesParamsSchema, updateLiveOptionsInputSchema } from "./schemas"
import { stopLiveByAdmin } from "./stop-live-by-admin"
import { updateLiveOptions } from "./update-live-options"

async function seedLive(options: { status?: LiveStatus; meetingName?: string; requestedAt?: Date; serverLabel?: string; user?: { id: number } } = {}) {
  const status = options.status ?? "STOPPED"
  const active = ["REQUESTED", "STARTING", "RUNNING", "STOPPING"].includes(status)
  const meeting = await seedMeeting({ name: options.meetingName, running: active })
  const user = options.user ?? (await seedUser({ role: "TEACHER" }))
  return db.live.create({
    data: {
      meetingId: meeting.id,
      activeMeetingId: active ? meeting.id : null,
      requestedById: user.id,
      status,
      requestedAt: options.requestedAt ?? new Date(),
      startedAt: status === "REQUESTED" ? null : new Date(),
      endedAt: active ? null : new Date(),
      serverLabel: options.serverLabel ?? null,
      showChat: true,
      enableChat: false,
    },
  })
}

const params = (raw: Record<string, string>) => parseListParams(adminLivesParamsSchema, raw)
const auditOf = (liveId: number) => db.auditEntry.findMany({ where: { entityType: "live", entityId: String(liveId) }, orderBy: { id: "asc" } })

afterEach(() => {
  delete process.env.USE_BBB_LIVE_DOWNLOADING
  delete process.env.BBB_WEBHOOKS_SERVERS
  resetEnvCache()
})

describe("listAdminLives", () => {
  it("searches by session name or user, filters by status, server and date range, sorts and pages", async () => {
    const tag = `Chimie${uniqueSuffix()}`
    const user = await seedUser({ role: "TEACHER", firstName: "Amélie", lastName: `Poulain${tag}` })
    const running = await seedLive({ status: "RUNNING", meetingName: `${tag} A`, serverLabel: "7/1", requestedAt: new Date("2026-11-02T08:00:00Z") })
    const stopped = await seedLive({ status: "STOPPED", meetingName: `${tag} B`, serverLabel: "8/2", requestedAt: new Date("2026-11-03T08:00:00Z"), user })
    const failed = await seedLive({ status: "FAILED", meetingName: `Autre ${uniqueSuffix()}`, requestedAt: new Date("2026-11-04T08:00:00Z"), user })

    const ids = async (raw: Record<string, string>) => (await listAdminLives(params(raw))).rows.map((r) => r.id)
    expect(await ids({ q: tag, sort: "id", dir: "asc" })).toEqual([running.id, stopped.id, failed.id])
    expect(await ids({ q: `poulain${tag.toLowerCase()} amélie`, sort: "id", dir: "asc" })).toEqual([stopped.id, failed.id])
    expect(await ids({ q: tag, status: "RUNNING" })).toEqual([running.id])
    expect(await ids({ q: tag, server: "8" })).toEqual([stopped.id])
    // Paris days: 2026-11-03 is 2026-11-02T23:00Z to 2026-11-03T23:00Z.
    expect(await ids({ q: tag, from: "2026-11-03", to: "2026-11-03" })).toEqual([stopped.id])
    expect(await ids({ q: tag, sort: "requestedAt", dir: "desc" })).toEqual([failed.id, stopped.id, running.id])
    expect(await ids({ q: String(running.id) })).toContain(running.id)

    const page2 = await listAdminLives(params({ q: tag, sort: "id", dir: "asc", pageSize: "10", page: "1" }))
    expect(page2).toMatchObject({ total: 3, page: 1, pageCount: 1 })
    const row = page2.rows[1]!
    expect(row).toMatchObject({ id: stopped.id, status: "STOPPED", serverLabel: "8/2", requestedBy: { id: user.id, name: `Amélie Poulain${tag}` }, meeting: { name: `${tag} B` } })

    expect(await listLiveServers()).toEqual(expect.arrayContaining([7, 8]))
  })

  it("returns every filtered row for the CSV, and the last page for a page past the end", async () => {
    const tag = `Physique${uniqueSuffix()}`
    for (let i = 0; i < 12; i += 1) await seedLive({ meetingName: `${tag} ${i}` })
    const all = await listAdminLives(params({ q: tag, pageSize: "10" }), { all: true })
    expect(all.rows).toHaveLength(12)
    const past = await listAdminLives(params({ q: tag, pageSize: "10", page: "9" }))
    expect(past).toMatchObject({ total: 12, page: 2, pageCount: 2 })
    expect(past.rows).toHaveLength(2)
  })
})

describe("updateLiveOptions", () => {
  it("changes the options and writes one audit entry with the changed fields", async () => {
    process.env.USE_BBB_LIVE_DOWNLOADING = "true"
    resetEnvCache()
    const admin = await seedUser({ role: "ADMIN" })
    const live = await seedLive({ status: "RUNNING" })
    const input = updateLiveOptionsInputSchema.parse({ liveId: String(live.id), showChat: "on", enableChat: "on", downloadMeeting: "on" })
    expect(await updateLiveOptions(input, admin)).toEqual({ liveId: live.id, changed: true })
    expect(await getAdminLive(live.id)).toMatchObject({ isRestricted: false, showChat: true, enableChat: true, downloadMeeting: true, status: "RUNNING" })
    const [entry, ...more] = await auditOf(live.id)
    expect(more).toHaveLength(0)
    expect(entry).toMatchObject({
      actorId: admin.id,
      actorName: `${admin.firstName} ${admin.lastName}`,
      action: "live.update",
      before: { enableChat: false, downloadMeeting: false },
      after: { enableChat: true, downloadMeeting: true },
    })
    // The same values again: nothing changes, nothing is logged.
    expect(await updateLiveOptions(input, admin)).toEqual({ liveId: live.id, changed: false })
    expect(await auditOf(live.id)).toHaveLength(1)
  })

  it("shows or not the room's messages on the page where bbb-webhooks bring them; without them the disabled box changes nothing (issue 24)", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const live = await seedLive()
    process.env.BBB_WEBHOOKS_SERVERS = "http://bbb.test/|secret"
    resetEnvCache()
    expect(await getAdminLive(live.id)).toMatchObject({ showRoomChat: true, roomChatAvailable: true })
    const off = updateLiveOptionsInputSchema.parse({ liveId: String(live.id), showChat: "on" })
    expect(await updateLiveOptions(off, admin)).toEqual({ liveId: live.id, changed: true })
    expect(await getAdminLive(live.id)).toMatchObject({ showRoomChat: false })
    expect((await auditOf(live.id)).at(-1)).toMatchObject({ before: { showRoomChat: true }, after: { showRoomChat: false } })
    const on = updateLiveOptionsInputSchema.parse({ liveId: String(live.id), showChat: "on", showRoomChat: "on" })
    expect(await updateLiveOptions(on, admin)).toEqual({ liveId: live.id, changed: true })

    process.env.BBB_WEBHOOKS_SERVERS = ""
    resetEnvCache()
    expect(await getAdminLive(live.id)).toMatchObject({ showRoomChat: true, roomChatAvailable: false })
    expect(await updateLiveOptions(off, admin)).toEqual({ liveId: live.id, changed: false })
    expect(await getAdminLive(live.id)).toMatchObject({ showRoomChat: true })
  })

  it("refuses forged values, recording where lives are not recorded, and an unknown live, changing nothing", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const live = await seedLive()
    const forged = updateLiveOptionsInputSchema.safeParse({ liveId: String(live.id), showChat: "maybe" })
    expect(forged.success).toBe(false)
    expect(forged.error?.issues[0]).toMatchObject({ path: ["showChat"], message: "notABoolean" })

    const recorded = updateLiveOptionsInputSchema.parse({ liveId: String(live.id), downloadMeeting: "on" })
    await expect(updateLiveOptions(recorded, admin)).rejects.toMatchObject({ issues: [{ path: ["downloadMeeting"], message: "recordingDisabled" }] })
    await expect(updateLiveOptions({ ...recorded, liveId: 2_000_000_000, downloadMeeting: false }, admin)).rejects.toMatchObject({ code: "NOT_FOUND" })
    expect(await getAdminLive(live.id)).toMatchObject({ showChat: true, downloadMeeting: false })
    expect(await auditOf(live.id)).toHaveLength(0)
  })
})

describe("deleteLive", () => {
  it("deletes an ended live with its chat and logs what it was", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const live = await seedLive({ status: "FAILED", serverLabel: "1/1" })
    await db.chatMessage.create({ data: { liveId: live.id, authorName: "Élève", body: "Bonjour" } })
    expect(await deleteLive({ liveId: live.id }, admin)).toEqual({ liveId: live.id })
    expect(await db.live.findUnique({ where: { id: live.id } })).toBeNull()
    expect(await db.chatMessage.count({ where: { liveId: live.id } })).toBe(0)
    const [entry] = await auditOf(live.id)
    expect(entry).toMatchObject({ action: "live.delete", after: null, before: { status: "FAILED", serverLabel: "1/1" } })
  })

  it("refuses an active live (LIVE_STILL_ACTIVE) and an unknown one, keeping everything", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const live = await seedLive({ status: "RUNNING" })
    await expect(deleteLive({ liveId: live.id }, admin)).rejects.toMatchObject({ code: "LIVE_STILL_ACTIVE" })
    await expect(deleteLive({ liveId: 2_000_000_000 }, admin)).rejects.toMatchObject({ code: "NOT_FOUND" })
    expect(await db.live.findUnique({ where: { id: live.id } })).not.toBeNull()
    expect(await auditOf(live.id)).toHaveLength(0)
  })
})

describe("stopLiveByAdmin", () => {
  it("moves a running live to STOPPING (the agent stops its streamer) with the admin's reason and an audit entry", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const live = await seedLive({ status: "RUNNING" })
    expect(await stopLiveByAdmin({ liveId: live.id }, admin)).toMatchObject({ status: "STOPPING", changed: true })
    expect(await db.live.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: "STOPPING", stopReason: "STOPPED_BY_ADMIN" })
    expect(await auditOf(live.id)).toMatchObject([{ action: "live.stop", actorId: admin.id, before: { status: "RUNNING" }, after: { status: "STOPPING", stopReason: "STOPPED_BY_ADMIN" } }])
    // A second click while it stops: nothing more, no second entry.
    expect(await stopLiveByAdmin({ liveId: live.id }, admin)).toMatchObject({ status: "STOPPING", changed: false })
    expect(await auditOf(live.id)).toHaveLength(1)
  })

  it("ends a live not started yet at once, and refuses one already ended", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const requested = await seedLive({ status: "REQUESTED" })
    expect(await stopLiveByAdmin({ liveId: requested.id }, admin)).toMatchObject({ status: "STOPPED" })
    expect(await db.live.findUniqueOrThrow({ where: { id: requested.id } })).toMatchObject({ status: "STOPPED", stopReason: "STOPPED_BY_ADMIN", activeMeetingId: null, endedAt: expect.any(Date) })
    expect(await auditOf(requested.id)).toMatchObject([{ action: "live.stop", after: { status: "STOPPED" } }])

    const ended = await seedLive({ status: "STOPPED" })
    await expect(stopLiveByAdmin({ liveId: ended.id }, admin)).rejects.toMatchObject({ code: "LIVE_NOT_ACTIVE" })
    await expect(stopLiveByAdmin({ liveId: 2_000_000_000 }, admin)).rejects.toMatchObject({ code: "NOT_FOUND" })
    expect(await auditOf(ended.id)).toHaveLength(0)
  })
})
