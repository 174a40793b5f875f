// What a live page's chat shows of its moderators' settings when it loads (closed, slow mode, room
// messages shown); changes then come through the live's event stream.
import { db } from "@/lib/db"
import type { LiveChatState } from "@/lib/events/live-feed"

import { chatStateSelect, toChatState } from "./find-chat-live"

export async function getLiveChatState(liveId: number): Promise<LiveChatState> {
  const row = await db.live.findUnique({ where: { id: liveId }, select: chatStateSelect })
  return row ? toChatState(row) : { closed: false, slowModeSeconds: 0, showRoomChat: false }
}
