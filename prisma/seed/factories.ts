// Test and demo factories: unique users and meetings per call, so tests never collide or truncate.
import { randomUUID } from "node:crypto"

import { db } from "@/lib/db"
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
