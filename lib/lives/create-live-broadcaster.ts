// The broadcaster ("diffuseur") of a starting live (domain flow 5): named "[BBB] <meeting name>", one
// slug rule used everywhere (slugify), unique, its HLS URL <POD_HLS_STREAM><stream key>.m3u8,
// restricted as the live asks, in the default building. Created off air; the live goes on air when
// its streamer runs. Idempotent: a live that already has one keeps it.
//
// The page address (/lives/<slug>) is the SESSION's, not the live's: every live of one BBB session
// (a teacher who stops and starts again) gets the address of its first one, so the link the teacher
// shared keeps working; another session never takes it, even under the same name (it gets the slug
// suffixed with its live's id). The page always applies the rule of the session's current live
// (lib/lives/find-viewable-live.ts: the live holding the broadcaster, else the newest ended one), so a
// new live that switches to restricted is never shown through the link of an earlier public one; the
// page says so (livePage.sharedAddress).
import slugify from "slugify"

import { getEnv } from "@/lib/config/env"
import type { Prisma } from "@/lib/generated/prisma/client"

/** The one slug rule of broadcasters (the original guessed slugs differently in PHP and Django). */
export function broadcasterSlug(name: string): string {
  const slug = slugify(name, { lower: true, strict: true, locale: "fr", trim: true })
  return (slug || "direct").slice(0, 80).replace(/-+$/, "")
}

export function broadcasterName(meetingName: string): string {
  return `[BBB] ${meetingName}`
}

export function hlsUrl(streamKey: string): string {
  return new URL(`${streamKey}.m3u8`, getEnv().POD_HLS_STREAM).toString()
}

export async function createLiveBroadcaster(
  tx: Prisma.TransactionClient,
  live: { id: number; meetingName: string; streamKey: string; isRestricted: boolean },
): Promise<number> {
  const existing = await tx.live.findUniqueOrThrow({ where: { id: live.id }, select: { broadcasterId: true, meetingId: true } })
  if (existing.broadcasterId) return existing.broadcasterId
  // ON CONFLICT DO NOTHING: lives starting at the same moment all find the one default building.
  const buildingName = getEnv().DEFAULT_BUILDING_NAME
  await tx.building.createMany({ data: [{ name: buildingName }], skipDuplicates: true })
  const building = await tx.building.findUniqueOrThrow({ where: { name: buildingName }, select: { id: true } })
  const name = broadcasterName(live.meetingName)
  const slug = await sessionPageSlug(tx, { liveId: live.id, meetingId: existing.meetingId, meetingName: live.meetingName })
  const broadcaster = await tx.broadcaster.create({
    data: { name, slug, hlsUrl: hlsUrl(live.streamKey), isOnAir: false, isRestricted: live.isRestricted, isPublic: true, buildingId: building.id },
    select: { id: true },
  })
  await tx.live.update({ where: { id: live.id }, data: { broadcasterId: broadcaster.id, pageSlug: slug } })
  return broadcaster.id
}

/**
 * The session's page address: the one an earlier live of the session had (unless a broadcaster of
 * the admins took it since), else the name's slug when no broadcaster and no other session uses it,
 * else that slug suffixed with the live's id (stable, never a guess).
 */
async function sessionPageSlug(tx: Prisma.TransactionClient, live: { liveId: number; meetingId: number; meetingName: string }): Promise<string> {
  const earlier = await tx.live.findFirst({
    where: { meetingId: live.meetingId, id: { not: live.liveId }, pageSlug: { not: null } },
    orderBy: { id: "desc" },
    select: { pageSlug: true },
  })
  if (earlier?.pageSlug && !(await isSlugTaken(tx, earlier.pageSlug, live.meetingId))) return earlier.pageSlug
  const base = `bbb-${broadcasterSlug(live.meetingName)}`
  return (await isSlugTaken(tx, base, live.meetingId)) ? `${base}-${live.liveId}` : base
}

/** A slug is taken when a broadcaster has it now or a live of another session had it as its page. */
async function isSlugTaken(tx: Prisma.TransactionClient, slug: string, meetingId: number): Promise<boolean> {
  if (await tx.broadcaster.findUnique({ where: { slug }, select: { id: true } })) return true
  return (await tx.live.findFirst({ where: { pageSlug: slug, meetingId: { not: meetingId } }, select: { id: true } })) !== null
}
