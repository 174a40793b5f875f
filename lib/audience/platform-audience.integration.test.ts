// The admin overview's 30 days (issue 23): days of the installation's time zone (Europe/Paris here,
// across the change to summer time on 30 March 2025), lives and time on air by the day they started,
// peak concurrent viewers over all lives (one tick's samples summed), distinct viewers summed over
// lives, time at full capacity from the sampler's capacity samples (recorded only when the active
// lives fill BBB_NUMBER_MAX_LIVES).
import { afterAll, afterEach, describe, expect, it } from "vitest"

import { resetEnvCache } from "@/lib/config/env"
import { db } from "@/lib/db"
import { getProducerRedis } from "@/lib/redis"
import { seedViewableLive } from "@/prisma/seed/factories"

import { getPlatformAudience } from "./get-platform-audience"
import { recordAudienceSamples } from "./record-audience-samples"

const savedCap = process.env.BBB_NUMBER_MAX_LIVES
afterEach(() => {
  process.env.BBB_NUMBER_MAX_LIVES = savedCap
  resetEnvCache()
})
afterAll(() => getProducerRedis().disconnect())

const utc = (iso: string) => new Date(`${iso}Z`)

async function pastLive(startedAt: string, end: { endedAt: string } | { failedAt: string }) {
  const { live } = await seedViewableLive({ status: "STOPPED" })
  const data = "endedAt" in end ? { startedAt: utc(startedAt), endedAt: utc(end.endedAt) } : { status: "FAILED" as const, startedAt: utc(startedAt), endedAt: null, statusChangedAt: utc(end.failedAt) }
  await db.live.update({ where: { id: live.id }, data })
  return live.id
}

describe("the platform's last 30 days", () => {
  it("counts per day of the installation's time zone, zero days included", async () => {
    // 00:30 on 2 March in Paris (UTC+1): the window's first day; 23:30 on 1 March: before it.
    const c = await pastLive("2025-03-01T23:30:00", { endedAt: "2025-03-02T00:30:00" })
    await pastLive("2025-03-01T22:30:00", { endedAt: "2025-03-01T23:30:00" })
    // 23:30 on 29 March in Paris; a sample at 00:10 on 30 March (still UTC+1).
    const b = await pastLive("2025-03-29T22:30:00", { endedAt: "2025-03-29T23:30:00" })
    // 00:30 and 00:35 on 31 March in Paris (UTC+2 since 30 March): 30 March in UTC.
    const a = await pastLive("2025-03-30T22:30:00", { endedAt: "2025-03-31T00:00:00" })
    const e = await pastLive("2025-03-30T22:35:00", { endedAt: "2025-03-30T23:35:00" })
    // Failed without an end: on air until its failure (20 minutes).
    await pastLive("2025-03-31T08:00:00", { failedAt: "2025-03-31T08:20:00" })
    const sample = (liveId: number, at: string, viewers: number, distinctViewers: number) => ({ liveId, at: utc(at), viewers, signedIn: viewers, anonymous: 0, distinctViewers })
    await db.liveAudienceSample.createMany({
      data: [
        sample(c, "2025-03-01T23:40:00", 1, 1),
        sample(b, "2025-03-29T22:40:00", 2, 2),
        sample(b, "2025-03-29T23:10:00", 3, 4),
        // One tick, two lives: 4 + 3 = 7 at once; the next tick 5 + 1.
        sample(a, "2025-03-30T22:40:00", 4, 6),
        sample(e, "2025-03-30T22:40:00", 3, 5),
        sample(a, "2025-03-30T22:40:10", 5, 7),
        sample(e, "2025-03-30T22:40:10", 1, 5),
      ],
    })
    const full = (at: string) => ({ at: utc(at), activeLives: 2, cap: 2, seconds: 10 })
    await db.liveCapacitySample.createMany({ data: [full("2025-03-01T22:50:00"), full("2025-03-01T23:10:00"), full("2025-03-30T22:40:00"), full("2025-03-30T22:40:10"), full("2025-03-30T22:40:20")] })

    const days = await getPlatformAudience({ now: utc("2025-03-31T10:00:00"), timeZone: "Europe/Paris" })
    expect(days).toHaveLength(30)
    expect(days[0]).toMatchObject({ day: "2025-03-02", startsAt: utc("2025-03-01T23:00:00") })
    expect(days.at(-1)).toMatchObject({ day: "2025-03-31", startsAt: utc("2025-03-30T22:00:00") })
    const zero = { lives: 0, broadcastSeconds: 0, peakViewers: 0, distinctViewers: 0, capacitySeconds: 0 }
    const expected: Record<string, typeof zero> = {
      "2025-03-02": { lives: 1, broadcastSeconds: 3600, peakViewers: 1, distinctViewers: 1, capacitySeconds: 10 },
      "2025-03-29": { lives: 1, broadcastSeconds: 3600, peakViewers: 2, distinctViewers: 2, capacitySeconds: 0 },
      "2025-03-30": { lives: 0, broadcastSeconds: 0, peakViewers: 3, distinctViewers: 4, capacitySeconds: 0 },
      "2025-03-31": { lives: 3, broadcastSeconds: 5400 + 3600 + 1200, peakViewers: 7, distinctViewers: 7 + 5, capacitySeconds: 30 },
    }
    expect(Object.fromEntries(days.map(({ day, startsAt: _, ...figures }) => [day, figures]))).toEqual(
      Object.fromEntries(days.map(({ day }) => [day, expected[day] ?? zero])),
    )
  })

  it("the sampler records a capacity sample only while the active lives fill BBB_NUMBER_MAX_LIVES", async () => {
    const { live } = await seedViewableLive()
    try {
      const full = utc("2031-01-06T09:00:00")
      process.env.BBB_NUMBER_MAX_LIVES = "1"
      resetEnvCache()
      expect(await recordAudienceSamples({ now: full })).toMatchObject({ atCapacity: true })
      const rows = await db.liveCapacitySample.findMany({ where: { at: full }, select: { activeLives: true, cap: true, seconds: true } })
      expect(rows).toHaveLength(1)
      expect(rows[0]!.cap).toBe(1)
      expect(rows[0]!.activeLives).toBeGreaterThanOrEqual(1)
      expect(rows[0]!.seconds).toBeGreaterThan(0)

      const free = utc("2031-01-06T09:00:10")
      process.env.BBB_NUMBER_MAX_LIVES = "1000"
      resetEnvCache()
      expect(await recordAudienceSamples({ now: free })).toMatchObject({ atCapacity: false })
      expect(await db.liveCapacitySample.count({ where: { at: free } })).toBe(0)
    } finally {
      await db.live.update({ where: { id: live.id }, data: { status: "STOPPED", activeMeetingId: null, endedAt: new Date() } })
    }
  })
})
