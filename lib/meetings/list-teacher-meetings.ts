// The teacher's "Réaliser un direct BigBlueButton" page (domain flow 3): running meetings where the
// user is a matched moderator, each with its latest live, and whether the live cap is reached.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { User } from "@/lib/generated/prisma/client"
import { isLiveCapReached } from "@/lib/lives/is-live-cap-reached"
import { liveRequestRefusal, moderatorAttendeeWhere } from "@/lib/lives/live-request-eligibility"
import { isActiveLiveStatus, isStoppableLiveStatus, type LiveStatus } from "@/lib/lives/live-statuses"
import { mayCancelLive } from "@/lib/lives/may-cancel-live"
import { countFreeSlots } from "@/lib/streamers/count-free-slots"

import { nameKeyField } from "./name-keys"

export type TeacherMeetingView = {
  id: number
  name: string
  sessionDate: Date
  live: {
    id: number
    status: LiveStatus
    isActive: boolean
    /** Requested, and no streamer is free to take it: it starts when one frees. */
    waiting: boolean
    failureReason: string | null
    stopReason: string | null
    broadcasterSlug: string | null
    /** True when this user may stop it now (lib/lives/may-cancel-live.ts, and it is not already stopping). */
    canCancel: boolean
  } | null
  /** True when the teacher may request a live now (lib/lives/live-request-eligibility.ts: no active live here, cap not reached). */
  canRequest: boolean
}

export type TeacherMeetingsView = {
  livesEnabled: boolean
  capReached: boolean
  meetings: TeacherMeetingView[]
  /** Why the list is empty, when we can tell (for the "whom to ask" message). */
  ambiguousName: boolean
}

export async function listTeacherMeetings(user: Pick<User, "id" | "role">): Promise<TeacherMeetingsView> {
  const env = getEnv()
  const [rows, capReached, freeSlots] = await Promise.all([
    db.meeting.findMany({
      where: { endedAt: null, isBreakout: false, attendees: { some: moderatorAttendeeWhere(user.id) } },
      orderBy: { sessionDate: "desc" },
      select: {
        id: true,
        name: true,
        sessionDate: true,
        lives: {
          orderBy: { requestedAt: "desc" },
          take: 1,
          select: { id: true, status: true, requestedById: true, failureReason: true, stopReason: true, broadcaster: { select: { slug: true } } },
        },
      },
    }),
    isLiveCapReached(),
    countFreeSlots(),
  ])
  const meetings = await Promise.all(
    rows.map(async (m): Promise<TeacherMeetingView> => {
      const last = m.lives[0]
      const isActive = last !== undefined && isActiveLiveStatus(last.status)
      // Every meeting listed is a running one this user moderates (the query's filter).
      const facts = { livesEnabled: env.USE_BBB_LIVE, meetingExists: true, isModerator: true, meetingEnded: false, capReached }
      return {
        id: m.id,
        name: m.name,
        sessionDate: m.sessionDate,
        live: last
          ? {
              id: last.id,
              status: last.status,
              isActive,
              waiting: last.status === "REQUESTED" && freeSlots === 0,
              failureReason: last.failureReason,
              stopReason: last.stopReason,
              broadcasterSlug: last.broadcaster?.slug ?? null,
              canCancel: isStoppableLiveStatus(last.status) && (await mayCancelLive(user, { requestedById: last.requestedById, meetingId: m.id }, { isModerator: true })),
            }
          : null,
        canRequest: liveRequestRefusal({ ...facts, activeLiveId: isActive ? last.id : null }) === null,
      }
    }),
  )
  let ambiguousName = false
  if (meetings.length === 0) {
    const me = await db.user.findUnique({ where: { id: user.id }, select: { nameKeyFirstLast: true, nameKeyLastFirst: true } })
    const key = me?.[nameKeyField(env.BBB_USERNAME_FORMAT)]
    ambiguousName = key
      ? (await db.attendee.count({ where: { normalizedName: key, matchStatus: "AMBIGUOUS", meeting: { endedAt: null } } })) > 0
      : false
  }
  return { livesEnabled: env.USE_BBB_LIVE, capReached, meetings, ambiguousName }
}
