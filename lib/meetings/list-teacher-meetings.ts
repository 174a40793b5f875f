// The teacher's "Réaliser un direct BigBlueButton" page (domain flow 3): running meetings where the
// user is a matched moderator, each with its latest live, and whether the live cap is reached.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { isLiveCapReached } from "@/lib/lives/is-live-cap-reached"
import { isActiveLiveStatus, type LiveStatus } from "@/lib/lives/schemas"
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
  } | null
  /** True when the teacher may request a live now (no active live here, cap not reached). */
  canRequest: boolean
}

export type TeacherMeetingsView = {
  livesEnabled: boolean
  capReached: boolean
  meetings: TeacherMeetingView[]
  /** Why the list is empty, when we can tell (for the "whom to ask" message). */
  ambiguousName: boolean
}

export async function listTeacherMeetings(user: { id: number }): Promise<TeacherMeetingsView> {
  const env = getEnv()
  const [rows, capReached, freeSlots] = await Promise.all([
    db.meeting.findMany({
      where: { endedAt: null, isBreakout: false, attendees: { some: { role: "MODERATOR", userId: user.id } } },
      orderBy: { sessionDate: "desc" },
      select: {
        id: true,
        name: true,
        sessionDate: true,
        lives: {
          orderBy: { requestedAt: "desc" },
          take: 1,
          select: { id: true, status: true, failureReason: true, stopReason: true, broadcaster: { select: { slug: true } } },
        },
      },
    }),
    isLiveCapReached(),
    countFreeSlots(),
  ])
  const meetings = rows.map((m) => {
    const last = m.lives[0]
    const isActive = last !== undefined && isActiveLiveStatus(last.status)
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
          }
        : null,
      canRequest: env.USE_BBB_LIVE && !isActive && !capReached,
    }
  })
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
