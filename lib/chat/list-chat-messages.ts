// The latest messages of a live's chat, oldest first, as its page shows them (hidden ones left out,
// room messages only while the live shows them); the viewer's own messages carry their relay outcome.
import { db } from "@/lib/db"

import type { ChatMessageView } from "./schemas"

export const CHAT_HISTORY_LENGTH = 50

export async function listChatMessages(input: { liveId: number; viewerId: number | null; limit?: number }): Promise<ChatMessageView[]> {
  const rows = await db.chatMessage.findMany({
    where: { liveId: input.liveId, hiddenAt: null, OR: [{ source: "PAGE" }, { live: { showRoomChat: true } }] },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: input.limit ?? CHAT_HISTORY_LENGTH,
    select: { id: true, userId: true, authorName: true, body: true, sentAt: true, relayStatus: true, source: true, isQuestion: true, votes: true, answeredAt: true },
  })
  return rows.reverse().map((row) => ({
    id: row.id,
    authorName: row.authorName,
    body: row.body,
    sentAt: row.sentAt.toISOString(),
    ...(row.source === "ROOM" ? { fromRoom: true } : {}),
    ...(row.isQuestion ? { isQuestion: true, votes: row.votes, answered: row.answeredAt !== null } : {}),
    ...(input.viewerId !== null && row.userId === input.viewerId && row.source === "PAGE" ? { outcome: row.relayStatus } : {}),
  }))
}
