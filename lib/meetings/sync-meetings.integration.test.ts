import { randomUUID } from "node:crypto"

import { beforeEach, describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("sync")
})

import { BbbError } from "@/lib/bbb/errors"
import { db } from "@/lib/db"
import { seedUser } from "@/prisma/seed/factories"

import { parseMeetingChunk } from "@/lib/bbb/parse-meetings"
import type { GetMeetingChunksOptions } from "@/lib/bbb/schemas"

import { meetingXml, xmlSource, type XmlMeeting } from "./testing/meetings-xml"
import { refreshMeeting } from "./refresh-meeting"
import { matchAttendees } from "./match-attendees"
import { rematchUser } from "./rematch-user"
import { syncMeetings } from "./sync-meetings"

let running: XmlMeeting[] = []
const source = xmlSource(() => running)
const uid = () => randomUUID().slice(0, 8)

async function attendeesOf(internalMeetingId: string) {
  return db.attendee.findMany({
    where: { meeting: { internalMeetingId } },
    orderBy: [{ role: "asc" }, { fullName: "asc" }],
    select: { fullName: true, role: true, userId: true, matchStatus: true, leftAt: true, extUserId: true },
  })
}

beforeEach(() => {
  running = []
})

describe("syncMeetings", () => {
  it("creates new meetings with their attendees, then skips unchanged ones", async () => {
    const id = `m-${uid()}`
    running = [
      {
        internalMeetingID: id,
        name: "Amphi L1 — Chimie & Physique <générale>",
        attendees: [
          { userID: "w_aaa", fullName: "Prof Un", role: "MODERATOR" },
          { userID: "w_bbb", fullName: "Élève Deux", role: "VIEWER" },
        ],
      },
    ]
    const first = await syncMeetings({ source })
    expect(first).toMatchObject({ skipped: false, meetings: 1, changed: 1, unchanged: 0 })
    const meeting = await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: id } })
    expect(meeting.name).toBe("Amphi L1 — Chimie & Physique <générale>")
    expect(meeting.endedAt).toBeNull()
    expect(meeting.participantCount).toBe(2)
    expect(await attendeesOf(id)).toMatchObject([
      { fullName: "Prof Un", role: "MODERATOR" },
      { fullName: "Élève Deux", role: "VIEWER", matchStatus: "UNMATCHED" },
    ])

    const second = await syncMeetings({ source })
    expect(second).toMatchObject({ skipped: false, meetings: 1, changed: 0, unchanged: 1, endedMeetingIds: [] })
    const after = await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: id } })
    expect(after.lastSeenRunningAt.getTime()).toBeGreaterThanOrEqual(meeting.lastSeenRunningAt.getTime())
  })

  it("updates a changed meeting and marks attendees who left", async () => {
    const id = `m-${uid()}`
    running = [{ internalMeetingID: id, attendees: [{ userID: "w_1", fullName: "A A", role: "MODERATOR" }, { userID: "w_2", fullName: "B B", role: "VIEWER" }] }]
    await syncMeetings({ source })
    running = [{ internalMeetingID: id, name: "Renamed", attendees: [{ userID: "w_1", fullName: "A A", role: "MODERATOR" }] }]
    const result = await syncMeetings({ source })
    expect(result).toMatchObject({ changed: 1 })
    expect((await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: id } })).name).toBe("Renamed")
    const attendees = await attendeesOf(id)
    expect(attendees.find((a) => a.fullName === "B B")?.leftAt).not.toBeNull()
    expect(attendees.find((a) => a.fullName === "A A")?.leftAt).toBeNull()
  })

  it("ends meetings absent from a successful answer, and only those", async () => {
    const keep = `m-${uid()}`
    const gone = `m-${uid()}`
    running = [{ internalMeetingID: keep }, { internalMeetingID: gone }]
    await syncMeetings({ source })
    running = [{ internalMeetingID: keep }]
    const result = await syncMeetings({ source })
    if (result.skipped) throw new Error("skipped")
    const goneRow = await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: gone } })
    expect(result.endedMeetingIds).toEqual([goneRow.id])
    expect(goneRow.endedAt).not.toBeNull()
    expect((await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: keep } })).endedAt).toBeNull()
  })

  it("treats a meeting listed as not running as ended, and revives it when it runs again", async () => {
    const id = `m-${uid()}`
    running = [{ internalMeetingID: id }]
    await syncMeetings({ source })
    running = [{ internalMeetingID: id, running: false }]
    await syncMeetings({ source })
    expect((await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: id } })).endedAt).not.toBeNull()
    running = [{ internalMeetingID: id }]
    await syncMeetings({ source })
    expect((await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: id } })).endedAt).toBeNull()
  })

  it("ends every meeting when BBB answers noMeetings (a successful empty answer)", async () => {
    const id = `m-${uid()}`
    running = [{ internalMeetingID: id }]
    await syncMeetings({ source })
    running = []
    await syncMeetings({ source })
    expect((await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: id } })).endedAt).not.toBeNull()
    expect(await db.meeting.count({ where: { endedAt: null } })).toBe(0)
  })

  it("changes nothing when BBB fails (down, FAILED, malformed)", async () => {
    const id = `m-${uid()}`
    running = [{ internalMeetingID: id }]
    await syncMeetings({ source })
    const before = await db.meeting.findMany({ orderBy: { id: "asc" } })
    for (const error of [
      new BbbError({ kind: "NETWORK", callName: "getMeetings", message: "connect ECONNREFUSED" }),
      new BbbError({ kind: "FAILED", callName: "getMeetings", messageKey: "checksumError", message: "bad checksum" }),
      new BbbError({ kind: "MALFORMED_XML", callName: "getMeetings", message: "truncated" }),
    ]) {
      await expect(syncMeetings({ source: { getMeetingChunks: async () => Promise.reject(error) } })).rejects.toBe(error)
    }
    // A chunk that passes the split but not the parse rolls the whole sync back.
    const bad = { internalMeetingID: `m-${uid()}`, xml: "<meeting><meetingName>x</meetingName></meeting>", hash: "h" }
    await expect(syncMeetings({ source: { getMeetingChunks: async () => [bad] } })).rejects.toMatchObject({ code: "BBB_UNAVAILABLE" })
    expect(await db.meeting.findMany({ orderBy: { id: "asc" } })).toEqual(before)
  })
})

describe("syncMeetings beside a webhook's targeted refresh", () => {
  it("does not end a session refreshed after its own answer was requested", async () => {
    const old = { internalMeetingID: `m-${uid()}`, meetingID: `ext-old-${uid()}` }
    const fresh = { internalMeetingID: `m-${uid()}`, meetingID: `ext-fresh-${uid()}`, name: "Créé pendant la sync" }
    running = [old]
    await syncMeetings({ source })
    // The sync's getMeetings answer predates the session; the webhook's refresh (another process)
    // writes it while that answer is in flight.
    const infoSource = { getMeetingInfo: async () => parseMeetingChunk(meetingXml(fresh)) }
    const stale = {
      getMeetingChunks: async (options: GetMeetingChunksOptions) => {
        const chunks = await source.getMeetingChunks(options)
        await refreshMeeting({ source: infoSource, meetingID: fresh.meetingID })
        return chunks
      },
    }
    const result = await syncMeetings({ source: stale })
    expect(result).toMatchObject({ skipped: false, endedMeetingIds: [] })
    expect((await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: fresh.internalMeetingID } })).endedAt).toBeNull()
    // The next answer lists it: the sync re-reads it (the refresh left no hash), nothing ends.
    running = [old, fresh]
    expect(await syncMeetings({ source })).toMatchObject({ changed: 1, endedMeetingIds: [] })
    // And when BBB stops listing it, the sync ends it as usual.
    running = [old]
    expect((await syncMeetings({ source })) as { endedMeetingIds: number[] }).toMatchObject({ endedMeetingIds: [expect.any(Number)] })
  })
})

describe("syncMeetings in batches", () => {
  it("writes a large answer in several batches, and rolls all of them back when a later meeting is bad", async () => {
    const { splitMeetingsXml } = await import("@/lib/bbb/parse-meetings")
    const { getMeetingsXml } = await import("./testing/meetings-xml")
    const prefix = `b-${uid()}`
    const many = Array.from({ length: 450 }, (_, i) => ({
      internalMeetingID: `${prefix}-${i}`,
      attendees: [{ userID: `w_${i}`, fullName: `Prof ${i}`, role: "MODERATOR" as const }],
    }))
    const good = splitMeetingsXml(getMeetingsXml(many))
    const bad = { internalMeetingID: `${prefix}-bad`, xml: "<meeting><meetingName>x</meetingName></meeting>", hash: "h" }
    const before = await db.meeting.count()
    await expect(syncMeetings({ source: { getMeetingChunks: async () => [...good, bad] } })).rejects.toMatchObject({ code: "BBB_UNAVAILABLE" })
    expect(await db.meeting.count()).toBe(before)
    expect(await db.meeting.count({ where: { internalMeetingId: { startsWith: prefix } } })).toBe(0)

    const result = await syncMeetings({ source: { getMeetingChunks: async () => good } })
    expect(result).toMatchObject({ changed: 450, attendeesWritten: 450 })
    expect(await db.attendee.count({ where: { meeting: { internalMeetingId: { startsWith: prefix } } } })).toBe(450)
  })
})

describe("moderator matching", () => {
  it("matches a moderator by whole name, accent- and case-insensitively", async () => {
    const teacher = await seedUser({ role: "TEACHER", firstName: "Hélène", lastName: `Lefèvre-${uid()}` })
    const id = `m-${uid()}`
    const bbbName = `helene ${teacher.lastName.replace("è", "e").toUpperCase().replace("-", " ")}`
    running = [{ internalMeetingID: id, attendees: [{ userID: "w_h", fullName: bbbName, role: "MODERATOR" }, { userID: "w_v", fullName: bbbName, role: "VIEWER" }] }]
    await syncMeetings({ source })
    const [moderator, viewer] = await attendeesOf(id)
    expect(moderator).toMatchObject({ role: "MODERATOR", userId: teacher.id, matchStatus: "BY_NAME" })
    expect(viewer).toMatchObject({ role: "VIEWER", userId: null, matchStatus: "UNMATCHED" })
  })

  it("never guesses between namesakes, and never matches a one-word name", async () => {
    const last = `Martin${uid()}`
    await seedUser({ role: "TEACHER", firstName: "Jean", lastName: last })
    await seedUser({ role: "TEACHER", firstName: "Jean", lastName: last })
    const id = `m-${uid()}`
    running = [
      {
        internalMeetingID: id,
        attendees: [
          { userID: "w_1", fullName: `Jean ${last}`, role: "MODERATOR" },
          { userID: "w_2", fullName: "Jean", role: "MODERATOR" },
        ],
      },
    ]
    await syncMeetings({ source })
    const attendees = await attendeesOf(id)
    expect(attendees.find((a) => a.fullName === `Jean ${last}`)).toMatchObject({ userId: null, matchStatus: "AMBIGUOUS" })
    expect(attendees.find((a) => a.fullName === "Jean")).toMatchObject({ userId: null, matchStatus: "UNMATCHED" })
  })

  it("prefers the external user id BBB reports", async () => {
    const extId = `ext-${uid()}`
    const owner = await seedUser({ role: "TEACHER", externalId: extId })
    await seedUser({ role: "TEACHER", firstName: "Same", lastName: `Name${extId}` })
    const id = `m-${uid()}`
    running = [{ internalMeetingID: id, attendees: [{ userID: extId, fullName: `Same Name${extId}`, role: "MODERATOR" }] }]
    await syncMeetings({ source })
    expect((await attendeesOf(id))[0]).toMatchObject({ userId: owner.id, matchStatus: "BY_EXTERNAL_ID", extUserId: extId })
  })

  it("re-matches when a user is created or renamed, and keeps an admin's assignment", async () => {
    const last = `Nouveau${uid()}`
    const id = `m-${uid()}`
    running = [
      {
        internalMeetingID: id,
        attendees: [
          { userID: "w_new", fullName: `Zoé ${last}`, role: "MODERATOR" },
          { userID: "w_adm", fullName: `Admin Pick ${last}`, role: "MODERATOR" },
        ],
      },
    ]
    await syncMeetings({ source })
    expect((await attendeesOf(id)).every((a) => a.matchStatus === "UNMATCHED")).toBe(true)

    const zoe = await seedUser({ role: "TEACHER", firstName: "Zoe", lastName: last })
    await rematchUser(zoe.id)
    expect((await attendeesOf(id)).find((a) => a.fullName.startsWith("Zoé"))).toMatchObject({ userId: zoe.id, matchStatus: "BY_NAME" })

    // An admin assigns the second moderator by hand to Zoé's account; a sync and a re-match keep it.
    const picked = await db.attendee.findFirstOrThrow({ where: { fullName: `Admin Pick ${last}` } })
    await db.attendee.update({ where: { id: picked.id }, data: { userId: zoe.id, matchStatus: "BY_ADMIN" } })
    await seedUser({ role: "TEACHER", firstName: "Admin", lastName: `Pick ${last}` })
    await matchAttendees([picked.id])
    running = [{ ...running[0]!, name: "changed to force a re-parse" }]
    await syncMeetings({ source })
    expect(await db.attendee.findUniqueOrThrow({ where: { id: picked.id } })).toMatchObject({ userId: zoe.id, matchStatus: "BY_ADMIN" })

    // Renaming Zoé away un-matches her attendee.
    await db.user.update({ where: { id: zoe.id }, data: { nameKeyFirstLast: "someone else", nameKeyLastFirst: "else someone" } })
    await rematchUser(zoe.id)
    expect((await attendeesOf(id)).find((a) => a.fullName.startsWith("Zoé"))).toMatchObject({ userId: null, matchStatus: "UNMATCHED" })
  })

  it("follows BBB_USERNAME_FORMAT = last_name first_name", async () => {
    const { resetEnvCache } = await import("@/lib/config/env")
    process.env.BBB_USERNAME_FORMAT = "last_name first_name"
    resetEnvCache()
    try {
      const last = `Durand${uid()}`
      const user = await seedUser({ role: "TEACHER", firstName: "Paul", lastName: last })
      const id = `m-${uid()}`
      running = [
        {
          internalMeetingID: id,
          attendees: [
            { userID: "w_r", fullName: `${last} Paul`, role: "MODERATOR" },
            { userID: "w_f", fullName: `Paul ${last}`, role: "MODERATOR" },
          ],
        },
      ]
      await syncMeetings({ source })
      const attendees = await attendeesOf(id)
      expect(attendees.find((a) => a.fullName === `${last} Paul`)).toMatchObject({ userId: user.id, matchStatus: "BY_NAME" })
      expect(attendees.find((a) => a.fullName === `Paul ${last}`)).toMatchObject({ userId: null, matchStatus: "UNMATCHED" })
    } finally {
      delete process.env.BBB_USERNAME_FORMAT
      resetEnvCache()
    }
  })
})

describe("runMeetingsSync", () => {
  it("emits one meeting-ended job per ended meeting and mails the admins once per BBB incident", async () => {
    const { Redis } = await import("ioredis")
    const { getQueue, QUEUES } = await import("@/lib/queues")
    const { runMeetingsSync } = await import("./run-meetings-sync")
    const { meetingEndedJobId } = await import("./jobs")
    const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null })
    const incidentKey = `test-incident-${uid()}`
    const deps = { redis, incidentKey }
    try {
      const id = `m-${uid()}`
      running = [{ internalMeetingID: id }]
      await runMeetingsSync({ ...deps, source })
      running = []
      const result = await runMeetingsSync({ ...deps, source })
      const meeting = await db.meeting.findUniqueOrThrow({ where: { internalMeetingId: id } })
      expect(!result.skipped && result.endedMeetingIds).toContain(meeting.id)
      const job = await getQueue(QUEUES.meetingEnded).getJob(meetingEndedJobId(meeting.id))
      expect(job?.data).toEqual({ meetingId: meeting.id })

      const down = { getMeetingChunks: async () => Promise.reject(new BbbError({ kind: "NETWORK", callName: "getMeetings", message: "ECONNREFUSED" })) }
      await expect(runMeetingsSync({ ...deps, source: down })).rejects.toMatchObject({ code: "BBB_UNAVAILABLE" })
      const incident = JSON.parse((await redis.get(incidentKey))!)
      expect(incident.message).toContain("ECONNREFUSED")
      await expect(runMeetingsSync({ ...deps, source: down })).rejects.toMatchObject({ code: "BBB_UNAVAILABLE" })
      expect(JSON.parse((await redis.get(incidentKey))!).since).toBe(incident.since) // still the same incident: no new mail
      await runMeetingsSync({ ...deps, source })
      expect(await redis.get(incidentKey)).toBeNull() // closed by the first success
    } finally {
      await redis.quit()
    }
  })
})

describe("syncMeetings against the BBB simulator's faults", () => {
  it("leaves every meeting, attendee and live untouched when BBB fails in any way", async () => {
    const { startBbbSimulator } = await import("@/tools/bbb-simulator/server")
    const { createBbbClient } = await import("@/lib/bbb/client")
    const sim = await startBbbSimulator({ port: 0, secret: "fault-secret" })
    try {
      const client = createBbbClient({ serverUrl: `${sim.url}/`, secret: "fault-secret", timeoutMs: 1_000 })
      sim.state.createMeeting({ meetingID: `f-${uid()}`, name: "Sous panne", attendees: [{ fullName: "Prof Panne", role: "MODERATOR" }] })
      await syncMeetings({ source: client })
      const meeting = await db.meeting.findFirstOrThrow({ where: { name: "Sous panne", endedAt: null } })
      const teacher = await seedUser({ role: "TEACHER" })
      await db.live.create({ data: { meetingId: meeting.id, activeMeetingId: meeting.id, requestedById: teacher.id, status: "RUNNING" } })
      const snapshot = async () => ({
        meetings: await db.meeting.findMany({ orderBy: { id: "asc" } }),
        attendees: await db.attendee.findMany({ orderBy: { id: "asc" } }),
        lives: await db.live.findMany({ orderBy: { id: "asc" } }),
      })
      const before = await snapshot()
      const faults = [
        { type: "failed", messageKey: "checksumError" },
        { type: "malformed", variant: "truncated" },
        { type: "malformed", variant: "unbalanced" },
        { type: "malformed", variant: "not-xml" },
        { type: "malformed", variant: "empty" },
        { type: "http-error", status: 500 },
        { type: "hang" },
        { type: "reset" },
      ] as const
      for (const fault of faults) {
        sim.state.addFault({ call: "getMeetings", fault }) // until cleared: the client retries a reset once
        await expect(syncMeetings({ source: client }), JSON.stringify(fault)).rejects.toMatchObject({ code: "BBB_UNAVAILABLE" })
        sim.state.clearFaults()
      }
      expect(await snapshot()).toEqual(before)
      // Meanwhile the meeting really ended in BBB: the first successful answer says so.
      sim.state.reset()
      const result = await syncMeetings({ source: client })
      expect(!result.skipped && result.endedMeetingIds).toContain(meeting.id)
    } finally {
      await sim.close()
    }
  })
})
