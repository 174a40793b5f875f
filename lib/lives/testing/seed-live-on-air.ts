// Test factory: a running live of a fresh meeting with its broadcaster on air (what the orchestrator
// leaves when a live starts), unique per call.
import { db } from "@/lib/db"
import { PRIVATE_STREAM_PREFIX } from "@/lib/lives/hls-token"
import { isActiveLiveStatus, type LiveStatus } from "@/lib/lives/live-statuses"
import { seedMeeting, seedUser, uniqueSuffix } from "@/prisma/seed/factories"

export async function seedLiveOnAir(options: { isRestricted?: boolean; enableChat?: boolean; status?: LiveStatus; hlsBase?: string } = {}) {
  const suffix = uniqueSuffix()
  const teacher = await seedUser({ role: "TEACHER" })
  const meeting = await seedMeeting({ name: `Cours en direct ${suffix}` })
  const building = await db.building.upsert({ where: { name: "Bâtiment de test" }, create: { name: "Bâtiment de test" }, update: {}, select: { id: true } })
  // A restricted live's stream is private at the HLS origin (lib/lives/hls-token.ts), as claimSlots names it.
  const streamKey = `${options.isRestricted ? PRIVATE_STREAM_PREFIX : ""}key${suffix}`
  const status = options.status ?? "RUNNING"
  const broadcaster = await db.broadcaster.create({
    data: {
      name: `[BBB] ${meeting.name}`,
      slug: `bbb-test-${suffix}`,
      hlsUrl: `${options.hlsBase ?? "http://127.0.0.1:9/hls/"}${streamKey}.m3u8`,
      isOnAir: status === "RUNNING",
      isRestricted: options.isRestricted ?? false,
      buildingId: building.id,
    },
    select: { id: true, slug: true, hlsUrl: true },
  })
  const live = await db.live.create({
    data: {
      meetingId: meeting.id,
      activeMeetingId: isActiveLiveStatus(status) ? meeting.id : null,
      requestedById: teacher.id,
      status,
      streamKey,
      isRestricted: options.isRestricted ?? false,
      enableChat: options.enableChat ?? false,
      startedAt: status === "RUNNING" ? new Date() : null,
      broadcasterId: broadcaster.id,
    },
    select: { id: true },
  })
  return { liveId: live.id, slug: broadcaster.slug, hlsUrl: broadcaster.hlsUrl, streamKey, teacher, meeting }
}
