// A moderator's action on a live page's chat: hide a message, mute or unmute its author for this live,
// slow mode, close or reopen the chat, show or not the room's messages, mark a question answered.
// The state lives in PostgreSQL (every app instance reads it on each send: lib/chat/check-chat-allowed.ts),
// each change is audited in the same transaction, then told to every open page through the live's
// event channel (a hidden message disappears for every viewer). Anyone else gets FORBIDDEN and
// nothing changes. A hidden message already relayed into BBB stays in BBB's chat: BBB has no recall.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { publishLiveEvent, type LiveEvent } from "@/lib/events/live-feed"
import type { User } from "@/lib/generated/prisma/client"
import { logger } from "@/lib/logger"
import { getProducerRedis, withRedis } from "@/lib/redis"

import { chatStateSelect, requireChatModerator, toChatState } from "./find-chat-live"
import { chatModerationInputSchema, type ChatModerationInput } from "./schemas"

type Moderator = AuditActor & Pick<User, "role">

export async function moderateLiveChat(slug: string, input: ChatModerationInput, moderator: Moderator | null): Promise<{ changed: boolean }> {
  const action = chatModerationInputSchema.parse(input)
  const { live } = await requireChatModerator(slug, moderator)
  const actor = moderator!
  const actorName = `${actor.firstName} ${actor.lastName}`.trim()
  const liveId = live.liveId

  // Each branch: whether anything changed, and what the pages must be told (null: nothing).
  const { changed, event } = await db.$transaction(async (tx): Promise<{ changed: boolean; event: LiveEvent | null }> => {
    if (action.action === "slowMode" || action.action === "close" || action.action === "reopen" || action.action === "showRoomChat") {
      const before = await tx.live.findUniqueOrThrow({ where: { id: liveId }, select: chatStateSelect })
      const data =
        action.action === "slowMode"
          ? { chatSlowModeSeconds: action.seconds }
          : action.action === "showRoomChat"
            ? { showRoomChat: action.value }
            : { chatClosed: action.action === "close" }
      const after = { ...before, ...data }
      if (JSON.stringify(after) === JSON.stringify(before)) return { changed: false, event: null }
      await tx.live.update({ where: { id: liveId }, data })
      await recordAuditEntry(tx, actor, { action: `liveChat.${action.action}`, entity: { type: "live", id: liveId }, before, after })
      return { changed: true, event: { type: "chatState", state: toChatState(after) } }
    }

    const message = await tx.chatMessage.findFirst({
      where: { id: action.messageId, liveId },
      select: { id: true, userId: true, authorName: true, body: true, hiddenAt: true, isQuestion: true, answeredAt: true, votes: true },
    })
    if (!message) throw new AppError("NOT_FOUND", { details: { liveId, messageId: action.messageId } })
    const entity = { type: "chatMessage", id: message.id }
    switch (action.action) {
      case "hide": {
        if (message.hiddenAt) return { changed: false, event: null }
        const hiddenAt = new Date()
        await tx.chatMessage.update({ where: { id: message.id }, data: { hiddenAt, hiddenById: actor.id, hiddenByName: actorName } })
        await recordAuditEntry(tx, actor, { action: "chatMessage.hide", entity, before: { hidden: false }, after: { hidden: true, liveId, authorName: message.authorName, body: message.body } })
        return { changed: true, event: { type: "hidden", id: message.id } }
      }
      case "answer": {
        if (!message.isQuestion) throw new AppError("INVALID_INPUT", { details: { messageId: message.id, reason: "not a question" } })
        if (message.answeredAt) return { changed: false, event: null }
        await tx.chatMessage.update({ where: { id: message.id }, data: { answeredAt: new Date() } })
        await recordAuditEntry(tx, actor, { action: "chatMessage.answer", entity, before: { answered: false }, after: { answered: true, liveId } })
        return { changed: true, event: { type: "question", id: message.id, votes: message.votes, answered: true } }
      }
      case "mute":
      case "unmute": {
        // Room messages have no account behind them: they cannot be muted here (BBB's own tools can).
        if (message.userId === null) throw new AppError("INVALID_INPUT", { details: { messageId: message.id, reason: "no account" } })
        const userId = message.userId
        const muteEntity = { type: "live", id: liveId }
        if (action.action === "mute") {
          const existing = await tx.chatMute.findUnique({ where: { liveId_userId: { liveId, userId } } })
          if (existing) return { changed: false, event: null }
          await tx.chatMute.create({ data: { liveId, userId, mutedByName: actorName } })
          await recordAuditEntry(tx, actor, { action: "liveChat.mute", entity: muteEntity, before: { muted: false }, after: { muted: true, userId, authorName: message.authorName } })
        } else {
          const removed = await tx.chatMute.deleteMany({ where: { liveId, userId } })
          if (removed.count === 0) return { changed: false, event: null }
          await recordAuditEntry(tx, actor, { action: "liveChat.unmute", entity: muteEntity, before: { muted: true }, after: { muted: false, userId, authorName: message.authorName } })
        }
        return { changed: true, event: null } // the muted viewer learns it when they send (CHAT_MUTED); others see nothing
      }
    }
  })
  if (event) {
    try {
      await withRedis(getProducerRedis(), () => publishLiveEvent(getProducerRedis(), liveId, event), 1_000)
    } catch (error) {
      // Stored and audited: pages learn it at their next load.
      logger.warn({ err: error, liveId, action: action.action }, "chat moderation stored but not pushed to the page's viewers")
    }
  }
  return { changed }
}
