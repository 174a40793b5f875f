// A starting live gets its broadcaster (lib/broadcasters/create-live-broadcaster.ts) at its page
// address. Idempotent: a live that already has one keeps it.
//
// The page address (/lives/<slug>) is the SESSION's, not the live's: every live of one BBB session
// (a teacher who stops and starts again) gets the address of its first one, so the link the teacher
// shared keeps working; another session never takes it, even under the same name (it gets the slug
// suffixed with its live's id). The page always applies the rule of the session's current live
// (lib/lives/find-viewable-live.ts: the live holding the broadcaster, else the newest ended one), so a
// new live that switches to restricted is never shown through the link of an earlier public one; the
// page says so (livePage.sharedAddress).
import { broadcasterSlug, isBroadcasterSlugTaken } from "@/lib/broadcasters/broadcaster-slug"
import { createLiveBroadcaster } from "@/lib/broadcasters/create-live-broadcaster"
import type { Prisma } from "@/lib/generated/prisma/client"

export async function attachLiveBroadcaster(
  tx: Prisma.TransactionClient,
  live: { id: number; meetingName: string; streamKey: string; isRestricted: boolean },
): Promise<number> {
  const existing = await tx.live.findUniqueOrThrow({ where: { id: live.id }, select: { broadcasterId: true, meetingId: true } })
  if (existing.broadcasterId) return existing.broadcasterId
  const slug = await sessionPageSlug(tx, { liveId: live.id, meetingId: existing.meetingId, meetingName: live.meetingName })
  const broadcasterId = await createLiveBroadcaster(tx, { meetingName: live.meetingName, slug, streamKey: live.streamKey, isRestricted: live.isRestricted })
  await tx.live.update({ where: { id: live.id }, data: { broadcasterId, pageSlug: slug } })
  return broadcasterId
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
  if (await isBroadcasterSlugTaken(tx, slug)) return true
  return (await tx.live.findFirst({ where: { pageSlug: slug, meetingId: { not: meetingId } }, select: { id: true } })) !== null
}
