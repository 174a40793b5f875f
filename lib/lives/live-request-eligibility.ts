// Whether a user may request a live for a meeting now (domain flow 4), and if not, why, as an error
// code the UI translates: the one rule behind the "Réaliser un direct" list, its confirmation form and
// the request itself. In its order: lives enabled, the meeting exists, the user is one of its matched
// moderators, it is running, it has no active live, the cap BBB_NUMBER_MAX_LIVES is not reached.
// Breakout rooms are not refused here: the list never shows them, as before this rule had one place.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { AppErrorCode } from "@/lib/errors"
import type { Prisma } from "@/lib/generated/prisma/client"

import { isLiveCapReached } from "./is-live-cap-reached"

export type LiveRequestRefusal = Extract<AppErrorCode, "LIVES_DISABLED" | "NOT_FOUND" | "NOT_A_MODERATOR" | "MEETING_NOT_RUNNING" | "LIVE_ALREADY_ACTIVE" | "LIVE_CAP_REACHED">

/** The attendees that make a user a moderator of a meeting (matched to them, with BBB's moderator role). */
export function moderatorAttendeeWhere(userId: number) {
  return { role: "MODERATOR", userId } satisfies Prisma.AttendeeWhereInput
}

export type LiveRequestFacts = {
  livesEnabled: boolean
  meetingExists: boolean
  isModerator: boolean
  meetingEnded: boolean
  activeLiveId: number | null
  capReached: boolean
}

/** The rule itself, on facts read elsewhere (one meeting here, a list of them in listTeacherMeetings). */
export function liveRequestRefusal(facts: LiveRequestFacts): LiveRequestRefusal | null {
  if (!facts.livesEnabled) return "LIVES_DISABLED"
  if (!facts.meetingExists) return "NOT_FOUND"
  if (!facts.isModerator) return "NOT_A_MODERATOR"
  if (facts.meetingEnded) return "MEETING_NOT_RUNNING"
  if (facts.activeLiveId !== null) return "LIVE_ALREADY_ACTIVE"
  if (facts.capReached) return "LIVE_CAP_REACHED"
  return null
}

export type LiveRequestEligibility = {
  meeting: { id: number; name: string; sessionDate: Date } | null
  refusal: LiveRequestRefusal | null
  /** The meeting's active live (what a re-post of the request returns). */
  activeLiveId: number | null
}

/** Reads the facts of one meeting for one user; pass the transaction that must see them (requestLive, under its lock). */
export async function getLiveRequestEligibility(input: { meetingId: number; userId: number }, tx: Prisma.TransactionClient = db): Promise<LiveRequestEligibility> {
  const meeting = await tx.meeting.findUnique({
    where: { id: input.meetingId },
    select: {
      id: true,
      name: true,
      sessionDate: true,
      endedAt: true,
      activeLive: { select: { id: true } },
      attendees: { where: moderatorAttendeeWhere(input.userId), select: { id: true }, take: 1 },
    },
  })
  const activeLiveId = meeting?.activeLive?.id ?? null
  const refusal = liveRequestRefusal({
    livesEnabled: getEnv().USE_BBB_LIVE,
    meetingExists: meeting !== null,
    isModerator: (meeting?.attendees.length ?? 0) > 0,
    meetingEnded: meeting?.endedAt != null,
    activeLiveId,
    capReached: await isLiveCapReached(tx),
  })
  return { meeting: meeting && { id: meeting.id, name: meeting.name, sessionDate: meeting.sessionDate }, refusal, activeLiveId }
}
