// A live page's chat as its moderation sees it: the live behind the page (same access rule as the page,
// findViewableLive), its chat state, and whether this user moderates it. Its moderators are those who
// may stop it (lib/lives/may-cancel-live.ts): the teacher who requested it, the session's moderators
// matched to accounts, and admins.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import type { LiveChatState } from "@/lib/events/live-feed"
import type { User } from "@/lib/generated/prisma/client"
import { findViewableLive, type ViewableLive } from "@/lib/lives/find-viewable-live"
import { mayCancelLive } from "@/lib/lives/may-cancel-live"

export type ChatLive = { live: ViewableLive; state: LiveChatState; canModerate: boolean }

export const chatStateSelect = { chatClosed: true, chatSlowModeSeconds: true, showRoomChat: true } as const

export function toChatState(row: { chatClosed: boolean; chatSlowModeSeconds: number; showRoomChat: boolean }): LiveChatState {
  return { closed: row.chatClosed, slowModeSeconds: row.chatSlowModeSeconds, showRoomChat: row.showRoomChat }
}

export async function findChatLive(slug: string, user: Pick<User, "id" | "role"> | null): Promise<ChatLive> {
  const live = await findViewableLive(slug, user)
  const row = await db.live.findUnique({ where: { id: live.liveId }, select: { ...chatStateSelect, requestedById: true, meetingId: true } })
  if (!row) throw new AppError("NOT_FOUND", { details: { slug } })
  const canModerate = user ? await mayCancelLive(user, row) : false
  return { live, state: toChatState(row), canModerate }
}

/** The live's moderation, or FORBIDDEN (nothing changes) for anyone else; chat off: CHAT_DISABLED. */
export async function requireChatModerator(slug: string, user: Pick<User, "id" | "role"> | null): Promise<ChatLive> {
  if (!user) throw new AppError("UNAUTHENTICATED")
  const found = await findChatLive(slug, user)
  if (!found.canModerate) throw new AppError("FORBIDDEN", { details: { liveId: found.live.liveId, userId: user.id } })
  if (!found.live.enableChat) throw new AppError("CHAT_DISABLED", { details: { liveId: found.live.liveId } })
  return found
}
