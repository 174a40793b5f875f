// The one access rule of a live page and everything it uses (player playlist, events, chat): a
// broadcaster's slug names the page; a restricted live (or broadcaster) is for signed-in users only.
// Anonymous visitors of a restricted live get UNAUTHENTICATED (pages send them to sign-in and back).
import { broadcasterDisplayName, broadcasterName } from "@/lib/broadcasters/create-live-broadcaster"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import type { Prisma } from "@/lib/generated/prisma/client"
import type { LiveStatus } from "@/lib/generated/prisma/enums"

import { isLookupSlug } from "./decode-slug"

export type ViewableLive = {
  liveId: number
  slug: string
  /** What the page calls the live: its broadcaster's name without the technical "[BBB] " prefix (the session's name). */
  title: string
  meetingName: string
  sessionDate: Date
  teacherName: string
  status: LiveStatus
  isRestricted: boolean
  enableChat: boolean
  showChat: boolean
  /**
   * What the page's player loads, or null once the live ended (no stream). A restricted live's
   * playlist goes through our access check (app/api/lives/[slug]/playlist): nginx's URL is never
   * given to its page. A public one is played straight from the HLS server, which scales with the audience.
   */
  playlistUrl: string | null
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

/** The player's source (see ViewableLive.playlistUrl); hlsUrl is null once the broadcaster went. */
function livePlaylistUrl(page: { slug: string; hlsUrl: string | null; isRestricted: boolean }): string | null {
  if (page.hlsUrl === null) return null
  return page.isRestricted ? `/api/lives/${encodeURIComponent(page.slug)}/playlist` : page.hlsUrl
}

type FoundLive = { view: ViewableLive; hlsUrl: string | null }

function viewable(live: SelectedLive, page: { slug: string; title: string; hlsUrl: string | null; isRestricted: boolean }, viewer: { id: number } | null): FoundLive {
  if (page.isRestricted && !viewer) throw new AppError("UNAUTHENTICATED", { details: { slug: page.slug } })
  const view: ViewableLive = {
    liveId: live.id,
    slug: page.slug,
    title: broadcasterDisplayName(page.title),
    meetingName: live.meeting.name,
    sessionDate: live.meeting.sessionDate,
    teacherName: `${live.requestedBy.firstName} ${live.requestedBy.lastName}`.trim(),
    status: live.status,
    isRestricted: page.isRestricted,
    enableChat: live.enableChat,
    showChat: live.showChat,
    playlistUrl: livePlaylistUrl(page),
    startedAt: live.startedAt,
    endedAt: live.endedAt,
  }
  return { view, hlsUrl: page.hlsUrl }
}

/** What a live page shows of the live at this address, for this viewer (or UNAUTHENTICATED / NOT_FOUND). */
export async function findViewableLive(slug: string, viewer: { id: number } | null): Promise<ViewableLive> {
  return (await findLive(slug, viewer)).view
}

/**
 * Where nginx publishes the live's HLS playlist (null once it ended), under the same access rule:
 * for the server only (the playlist route fetches it), never for a page.
 */
export async function findViewableLiveHlsUrl(slug: string, viewer: { id: number } | null): Promise<{ status: LiveStatus; hlsUrl: string | null }> {
  const { view, hlsUrl } = await findLive(slug, viewer)
  return { status: view.status, hlsUrl }
}

async function findLive(slug: string, viewer: { id: number } | null): Promise<FoundLive> {
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
async function findEndedLive(slug: string, viewer: { id: number } | null): Promise<FoundLive> {
  const live = await db.live.findFirst({
    where: endedLivePageWhere(slug),
    orderBy: { id: "desc" },
    select: liveSelect,
  })
  if (!live) throw new AppError("NOT_FOUND", { details: { slug } })
  return viewable(live, { slug, title: broadcasterName(live.meeting.name), hlsUrl: null, isRestricted: live.isRestricted }, viewer)
}
