// A teacher's stop is worded by where the live stood: « annulé » (CANCELLED_BY_TEACHER) before it went
// on air, « arrêté » (STOPPED_BY_TEACHER) once it had; an admin's stop of someone else's live stays
// STOPPED_BY_ADMIN.
import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { seedUser } from "@/prisma/seed/factories"

import { cancelLive } from "./cancel-live"
import { seedLiveOnAir } from "./testing/seed-live-on-air"

async function endOf(liveId: number) {
  return db.live.findUniqueOrThrow({ where: { id: liveId }, select: { status: true, stopReason: true } })
}

describe("cancelLive", () => {
  it("records a stop of a live on air as stopped by the teacher", async () => {
    const live = await seedLiveOnAir({ status: "RUNNING" })
    expect(await cancelLive({ liveId: live.liveId }, live.teacher)).toMatchObject({ status: "STOPPING", changed: true })
    expect(await endOf(live.liveId)).toEqual({ status: "STOPPING", stopReason: "STOPPED_BY_TEACHER" })
  })

  it("records a stop before the live went on air as a cancellation (requested or still starting)", async () => {
    const requested = await seedLiveOnAir({ status: "REQUESTED" })
    await cancelLive({ liveId: requested.liveId }, requested.teacher)
    expect(await endOf(requested.liveId)).toEqual({ status: "STOPPED", stopReason: "CANCELLED_BY_TEACHER" })

    const starting = await seedLiveOnAir({ status: "STARTING" })
    await cancelLive({ liveId: starting.liveId }, starting.teacher)
    expect(await endOf(starting.liveId)).toEqual({ status: "STOPPING", stopReason: "CANCELLED_BY_TEACHER" })
  })

  it("records an admin's stop of another teacher's live as stopped by an admin", async () => {
    const live = await seedLiveOnAir({ status: "RUNNING" })
    const admin = await seedUser({ role: "ADMIN" })
    await cancelLive({ liveId: live.liveId }, admin)
    expect(await endOf(live.liveId)).toEqual({ status: "STOPPING", stopReason: "STOPPED_BY_ADMIN" })
  })

  it("refuses someone who neither requested nor moderates the live, and changes nothing", async () => {
    const live = await seedLiveOnAir({ status: "RUNNING" })
    const stranger = await seedUser({ role: "TEACHER" })
    await expect(cancelLive({ liveId: live.liveId }, stranger)).rejects.toMatchObject({ code: "FORBIDDEN" })
    expect(await endOf(live.liveId)).toEqual({ status: "RUNNING", stopReason: null })
  })
})
