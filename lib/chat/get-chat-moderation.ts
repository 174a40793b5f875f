// What a live page's chat panel asks about its viewer once it has loaded (a members' page is the same
// for every member, so this cannot be in it): may they moderate, are they muted, the chat's state;
// moderators also get the hidden messages (who hid them, when) and which authors are muted.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { User } from "@/lib/generated/prisma/client"

import { findChatLive } from "./find-chat-live"
import type { ChatModerationView } from "./schemas"

export async function getChatModeration(slug: string, viewer: Pick<User, "id" | "role"> | null): Promise<ChatModerationView> {
  const { live, state, canModerate } = await findChatLive(slug, viewer)
  const roomChatAvailable = getEnv().BBB_WEBHOOKS_SERVERS.length > 0
  const muted = viewer ? (await db.chatMute.count({ where: { liveId: live.liveId, userId: viewer.id } })) > 0 : false
  if (!canModerate) return { canModerate, muted, state, roomChatAvailable }
  const [hidden, mutes] = await Promise.all([
    db.chatMessage.findMany({
      where: { liveId: live.liveId, hiddenAt: { not: null } },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true, authorName: true, body: true, hiddenAt: true, hiddenByName: true },
    }),
    db.chatMute.findMany({ where: { liveId: live.liveId }, select: { userId: true } }),
  ])
  const mutedUsers = mutes.map((m) => m.userId)
  const mutedMessages =
    mutedUsers.length === 0 ? [] : await db.chatMessage.findMany({ where: { liveId: live.liveId, userId: { in: mutedUsers } }, select: { id: true }, orderBy: { id: "desc" }, take: 500 })
  return {
    canModerate,
    muted,
    state,
    roomChatAvailable,
    hidden: hidden.map((m) => ({ id: m.id, authorName: m.authorName, body: m.body, hiddenByName: m.hiddenByName ?? "", hiddenAt: m.hiddenAt!.toISOString() })),
    mutedMessageIds: mutedMessages.map((m) => m.id),
  }
}
