// Demo audience data (npm run db:seed): a live's curve (students arriving over the first minutes, a
// slow decline, the room emptying at the end, an optional pause of the sampling), and the platform's
// last 30 days for the admin overview: a few lives each weekday, fewer on weekends, each with its
// curve, and capacity samples when the seeded lives filled BBB_NUMBER_MAX_LIVES at once.
import { db } from "@/lib/db"

const TICK_MS = 10_000

type Sample = { liveId: number; at: Date; viewers: number; signedIn: number; anonymous: number; distinctViewers: number; renditions: Record<string, number> | undefined }

/**
 * The viewers per rendition, as the players report them: most on 720p, a quarter on 360p (phones,
 * Auto on a slow link), a few on « Son seul », and about one in ten not reporting (Safari plays HLS
 * itself and says nothing). No viewer: no report (NULL), as the sampler writes it.
 */
function renditionsOf(viewers: number): Record<string, number> | undefined {
  if (viewers === 0) return undefined
  const audio = Math.round(viewers * 0.06)
  const low = Math.round(viewers * 0.24)
  const silent = Math.round(viewers * 0.1)
  return { "720p": viewers - audio - low - silent, "360p": low, audio }
}

/** One sample every 10 s from `from` to `to`, peaking near `peak`; none within `pause` (a gap in the curve). */
export function audienceCurve(options: { liveId: number; from: number; to: number; peak: number; pause?: { from: number; to: number } }): Sample[] {
  const { liveId, from, to, peak, pause } = options
  const samples: Sample[] = []
  const total = (to - from) / 60_000
  let distinct = 0
  for (let t = from + TICK_MS; t < to; t += TICK_MS) {
    if (pause && t > pause.from && t < pause.to) continue
    const minutes = (t - from) / 60_000
    const base = minutes < 8 ? peak * (minutes / 8) : minutes > total - 4 ? peak * 0.7 * ((total - minutes) / 4) : peak - (peak / 300) * (minutes - 8)
    const dip = pause && Math.abs(t - (pause.from + pause.to) / 2) < 120_000 ? 0.8 : 1
    const viewers = Math.max(0, Math.round(base * dip + (peak / 28) * Math.sin(minutes * 1.7) + (peak / 42) * Math.sin(minutes * 0.37)))
    const anonymous = Math.round(viewers * 0.22)
    distinct = Math.max(distinct, viewers + Math.round(minutes * peak * 0.004))
    samples.push({ liveId, at: new Date(t), viewers, signedIn: viewers - anonymous, anonymous, distinctViewers: distinct, renditions: renditionsOf(viewers) })
  }
  return samples
}

const HISTORY_PREFIX = "demo-history-"
const COURSES = ["Analyse 2", "Droit constitutionnel", "Microéconomie", "Physiologie", "Algorithmique", "Histoire moderne", "Anglais B2"]

/** A repeatable pseudo-random sequence (the demo looks the same on every run). */
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
}

/**
 * The last 30 days before today (today's lives are the real ones): lives requested by the given
 * teachers, their samples and the capacity samples. Re-running replaces them.
 */
export async function seedPlatformHistory(options: { teacherIds: number[]; cap: number; now?: Date }): Promise<{ lives: number; samples: number }> {
  const next = random(23)
  const today = new Date(options.now ?? new Date())
  today.setUTCHours(0, 0, 0, 0)
  await db.meeting.deleteMany({ where: { internalMeetingId: { startsWith: HISTORY_PREFIX } } })
  const planned: { key: string; name: string; teacherId: number; from: number; to: number; peak: number; server: string }[] = []
  for (let back = 29; back >= 1; back--) {
    const day = new Date(today.getTime() - back * 24 * 3600_000)
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6
    const count = weekend ? Math.floor(next() * 2) : 2 + Math.floor(next() * 5)
    for (let i = 0; i < count; i++) {
      // Mornings are busy (8:00–11:00 UTC), a few in the afternoon; starts on a sampling tick.
      const hour = next() < 0.7 ? 8 + next() * 3 : 13 + next() * 4
      const from = Math.round((day.getTime() + hour * 3600_000) / TICK_MS) * TICK_MS
      const to = from + Math.round((45 + next() * 75) / 10) * 10 * 60_000
      const course = COURSES[Math.floor(next() * COURSES.length)]!
      const teacherId = options.teacherIds[Math.floor(next() * options.teacherIds.length)]!
      const name = `${course} — CM ${1 + Math.floor(next() * 12)}`
      planned.push({ key: `${HISTORY_PREFIX}${day.toISOString().slice(0, 10)}-${i}`, name, teacherId, from, to, peak: Math.round(15 + next() * 130), server: `1/${1 + (i % 2)}` })
    }
  }
  const meetings = await db.meeting.createManyAndReturn({
    data: planned.map((p) => ({ meetingId: p.key, internalMeetingId: p.key, name: p.name, sessionDate: new Date(p.from - 5 * 60_000), participantCount: 1, moderatorCount: 1, lastSeenRunningAt: new Date(p.to), endedAt: new Date(p.to) })),
    select: { id: true, internalMeetingId: true },
  })
  const meetingIds = new Map(meetings.map((m) => [m.internalMeetingId, m.id]))
  const lives = await db.live.createManyAndReturn({
    data: planned.map((p) => ({ meetingId: meetingIds.get(p.key)!, requestedById: p.teacherId, status: "STOPPED" as const, stopReason: "MEETING_ENDED", requestedAt: new Date(p.from - 20_000), startedAt: new Date(p.from), endedAt: new Date(p.to), serverLabel: p.server, enableChat: true })),
    select: { id: true, meetingId: true },
  })
  const liveIds = new Map(lives.map((l) => [l.meetingId, l.id]))
  const samples: Sample[] = []
  const onAir = new Map<number, number>()
  for (const p of planned) {
    const curve = audienceCurve({ liveId: liveIds.get(meetingIds.get(p.key)!)!, from: p.from, to: p.to, peak: p.peak })
    for (const s of curve) onAir.set(s.at.getTime(), (onAir.get(s.at.getTime()) ?? 0) + 1)
    samples.push(...curve)
  }
  // One statement each (unnest of arrays): tens of thousands of rows in a second, not half a minute.
  await db.$executeRaw`
    INSERT INTO live_audience_samples (live_id, at, viewers, signed_in, anonymous, distinct_viewers, renditions)
    SELECT * FROM unnest(${samples.map((x) => x.liveId)}::int[], ${samples.map((x) => x.at.toISOString().slice(0, 23))}::timestamp[],
      ${samples.map((x) => x.viewers)}::int[], ${samples.map((x) => x.signedIn)}::int[], ${samples.map((x) => x.anonymous)}::int[], ${samples.map((x) => x.distinctViewers)}::int[],
      ${samples.map((x) => (x.renditions ? JSON.stringify(x.renditions) : null))}::jsonb[])`
  const full = [...onAir].filter(([, active]) => active >= options.cap)
  await db.liveCapacitySample.deleteMany({ where: { at: { gte: new Date(today.getTime() - 30 * 24 * 3600_000), lt: today } } })
  await db.$executeRaw`
    INSERT INTO live_capacity_samples (at, active_lives, cap, seconds)
    SELECT at, active, ${options.cap}::int, ${TICK_MS / 1000}::float8
    FROM unnest(${full.map(([at]) => new Date(at).toISOString().slice(0, 23))}::timestamp[], ${full.map(([, active]) => active)}::int[]) AS f(at, active)`
  return { lives: lives.length, samples: samples.length }
}
