// Test and demo factories: unique users and meetings per call, so tests never collide or truncate.
import { randomUUID } from "node:crypto"

import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"
import { isActiveLiveStatus } from "@/lib/lives/live-statuses"
import { normalizeName } from "@/lib/meetings/name-keys"
import type { Role } from "@/lib/users/schemas"
import { createUser } from "@/lib/users/create-user"

let counter = 0
export function uniqueSuffix(): string {
  counter += 1
  return `${process.pid}${Date.now().toString(36)}${counter}${randomUUID().slice(0, 4)}`
}

export async function seedUser(options: { role?: Role; firstName?: string; lastName?: string; password?: string; externalId?: string } = {}) {
  const suffix = uniqueSuffix()
  const firstName = options.firstName ?? `Prénom${suffix}`
  const lastName = options.lastName ?? `Nom${suffix}`
  const password = options.password ?? `pw-${suffix}`
  const user = await createUser({
    email: `user-${suffix}@example.test`,
    username: `user-${suffix}`,
    firstName,
    lastName,
    role: options.role ?? "STUDENT",
    password,
    externalId: options.externalId,
  })
  return { ...user, password }
}

export async function seedMeeting(options: { name?: string; running?: boolean; internalMeetingId?: string } = {}) {
  const suffix = uniqueSuffix()
  return db.meeting.create({
    data: {
      meetingId: `meeting-${suffix}`,
      internalMeetingId: options.internalMeetingId ?? `internal-${suffix}`,
      name: options.name ?? `Cours ${suffix}`,
      sessionDate: new Date(),
      lastSeenRunningAt: new Date(),
      endedAt: options.running === false ? new Date() : null,
    },
  })
}

/**
 * A BBB attendee of a meeting, as the meetings sync stores it: a moderator seen just now, unmatched,
 * with a unique key and its name normalised, unless told otherwise (a viewer, a linked account…).
 */
export async function seedAttendee(options: { meetingId: number } & Partial<Omit<Prisma.AttendeeUncheckedCreateInput, "meetingId">>) {
  const fullName = options.fullName ?? `Participant ${uniqueSuffix()}`
  return db.attendee.create({
    data: { attendeeKey: randomUUID(), normalizedName: normalizeName(fullName), role: "MODERATOR", lastSeenAt: new Date(), ...options, fullName },
  })
}

/**
 * A live with its broadcaster (a live page at /lives/<slug>), RUNNING unless told otherwise, with the
 * slot redis coordinates a claimed slot gives it.
 */
export async function seedViewableLive(
  options: {
    status?: "REQUESTED" | "STARTING" | "RUNNING" | "STOPPING" | "STOPPED" | "FAILED"
    enableChat?: boolean
    isRestricted?: boolean
    meetingId?: string
    redis?: { host: string; port: number; channel: string } | null
  } = {},
) {
  const suffix = uniqueSuffix()
  const teacher = await seedUser({ role: "TEACHER" })
  const meeting = await db.meeting.create({
    data: {
      meetingId: options.meetingId ?? `meeting-${suffix}`,
      internalMeetingId: `internal-${suffix}`,
      name: `Cours ${suffix}`,
      sessionDate: new Date(),
      lastSeenRunningAt: new Date(),
    },
  })
  const building = await db.building.upsert({ where: { name: "Test building" }, create: { name: "Test building" }, update: {}, select: { id: true } })
  const status = options.status ?? "RUNNING"
  const active = isActiveLiveStatus(status)
  const broadcaster = await db.broadcaster.create({
    data: {
      name: `[BBB] ${meeting.name}`,
      slug: `bbb-test-${suffix.toLowerCase()}`,
      hlsUrl: `http://127.0.0.1:9/hls/${suffix}.m3u8`,
      isOnAir: status === "RUNNING",
      isRestricted: options.isRestricted ?? false,
      buildingId: building.id,
    },
  })
  const redis = options.redis === undefined ? { host: "127.0.0.1", port: 9, channel: `chat-${suffix}` } : options.redis
  const live = await db.live.create({
    data: {
      meetingId: meeting.id,
      activeMeetingId: active ? meeting.id : null,
      requestedById: teacher.id,
      status,
      isRestricted: options.isRestricted ?? false,
      enableChat: options.enableChat ?? true,
      startedAt: status === "REQUESTED" ? null : new Date(),
      broadcasterId: broadcaster.id,
      pageSlug: broadcaster.slug,
      redisHost: redis?.host ?? null,
      redisPort: redis?.port ?? null,
      redisChannel: redis?.channel ?? null,
    },
  })
  return { live, meeting, broadcaster, teacher }
}

/** A chat message already relayed (or not), as sendChatMessage leaves it. */
export async function seedChatMessage(options: { liveId: number; userId: number | null; authorName?: string; body?: string; relayStatus?: "PENDING" | "DELIVERED" | "NO_LISTENER" | "REFUSED" | "RELAY_DOWN" }) {
  return db.chatMessage.create({
    data: { liveId: options.liveId, userId: options.userId, authorName: options.authorName ?? "Ada Lovelace", body: options.body ?? "bonjour", relayStatus: options.relayStatus ?? "DELIVERED" },
  })
}
