// The one access rule of a live page and everything it uses (player playlist, events, chat): a
// broadcaster's slug names the page; a restricted live (or broadcaster) is for signed-in users only.
// Anonymous visitors of a restricted live get UNAUTHENTICATED (pages send them to sign-in and back).
import { broadcasterName } from "@/lib/broadcasters/create-live-broadcaster"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import type { Prisma } from "@/lib/generated/prisma/client"
import type { LiveStatus } from "@/lib/generated/prisma/enums"

import { isLookupSlug } from "./decode-slug"

export type ViewableLive = {
  liveId: number
  slug: string
  /** The broadcaster's name, "[BBB] <meeting name>". */
  title: string
  meetingName: string
  sessionDate: Date
  teacherName: string
  status: LiveStatus
  isRestricted: boolean
  enableChat: boolean
  showChat: boolean
  /** Where nginx publishes the HLS playlist; give browsers a URL of ours, not this one, when restricted. */
  hlsUrl: string
  startedAt: Date | null
  endedAt: Date | null
}

/** What a live page shows of a live, whichever way it was found. */
const liveSelect = {
  id: true,
  status: true,
  isRestricted: true,
  enableChat: true,
  showChat: true,
  startedAt: true,
  endedAt: true,
  meeting: { select: { name: true, sessionDate: true } },
  requestedBy: { select: { firstName: true, lastName: true } },
} satisfies Prisma.LiveSelect

type SelectedLive = Prisma.LiveGetPayload<{ select: typeof liveSelect }>

function viewable(live: SelectedLive, page: { slug: string; title: string; hlsUrl: string; isRestricted: boolean }, viewer: { id: number } | null): ViewableLive {
  if (page.isRestricted && !viewer) throw new AppError("UNAUTHENTICATED", { details: { slug: page.slug } })
  return {
    liveId: live.id,
    slug: page.slug,
    title: page.title,
    meetingName: live.meeting.name,
    sessionDate: live.meeting.sessionDate,
    teacherName: `${live.requestedBy.firstName} ${live.requestedBy.lastName}`.trim(),
    status: live.status,
    isRestricted: page.isRestricted,
    enableChat: live.enableChat,
    showChat: live.showChat,
    hlsUrl: page.hlsUrl,
    startedAt: live.startedAt,
    endedAt: live.endedAt,
  }
}

export async function findViewableLive(slug: string, viewer: { id: number } | null): Promise<ViewableLive> {
  if (!isLookupSlug(slug)) throw new AppError("NOT_FOUND", { details: { slug: slug.slice(0, 200) } })
  const broadcaster = await db.broadcaster.findUnique({
    where: { slug },
    select: { slug: true, name: true, hlsUrl: true, isRestricted: true, live: { select: liveSelect } },
  })
  const live = broadcaster?.live
  if (!broadcaster || !live) return findEndedLive(slug, viewer)
  return viewable(live, { slug: broadcaster.slug, title: broadcaster.name, hlsUrl: broadcaster.hlsUrl, isRestricted: broadcaster.isRestricted || live.isRestricted }, viewer)
}

/** The ended lives whose page was at this address, once their broadcaster went (newest first: order by id desc). */
export function endedLivePageWhere(slug: string): Prisma.LiveWhereInput {
  return { pageSlug: slug, broadcasterId: null, status: { in: ["STOPPED", "FAILED"] } }
}

/**
 * A live whose broadcaster went when it ended: its address (kept as pageSlug) still names it, so the
 * page says it ended (and a restricted one still asks anonymous visitors to sign in first).
 */
async function findEndedLive(slug: string, viewer: { id: number } | null): Promise<ViewableLive> {
  const live = await db.live.findFirst({
    where: endedLivePageWhere(slug),
    orderBy: { id: "desc" },
    select: liveSelect,
  })
  if (!live) throw new AppError("NOT_FOUND", { details: { slug } })
  return viewable(live, { slug, title: broadcasterName(live.meeting.name), hlsUrl: "", isRestricted: live.isRestricted }, viewer)
}
