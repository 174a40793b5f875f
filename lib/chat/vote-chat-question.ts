// A signed-in viewer upvotes a question of a live page's chat, once (a second vote changes nothing).
// The new count reaches every open page through the live's event channel, so the « Questions » view
// is sorted the same for everyone.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { publishLiveEvent } from "@/lib/events/live-feed"
import { Prisma } from "@/lib/generated/prisma/client"
import { findViewableLive } from "@/lib/lives/find-viewable-live"
import { logger } from "@/lib/logger"
import { getProducerRedis, withRedis } from "@/lib/redis"

export async function voteChatQuestion(input: { slug: string; messageId: number }, viewer: { id: number } | null): Promise<{ votes: number; counted: boolean }> {
  const live = await findViewableLive(input.slug, viewer)
  if (!live.enableChat) throw new AppError("CHAT_DISABLED", { details: { liveId: live.liveId } })
  if (!viewer) throw new AppError("UNAUTHENTICATED", { details: { liveId: live.liveId } })
  const question = await db.chatMessage.findFirst({ where: { id: input.messageId, liveId: live.liveId, isQuestion: true, hiddenAt: null }, select: { id: true, votes: true, answeredAt: true } })
  if (!question) throw new AppError("NOT_FOUND", { details: { liveId: live.liveId, messageId: input.messageId } })
  let updated: { votes: number; answeredAt: Date | null }
  try {
    updated = await db.$transaction(async (tx) => {
      await tx.chatQuestionVote.create({ data: { messageId: question.id, userId: viewer.id } })
      return tx.chatMessage.update({ where: { id: question.id }, data: { votes: { increment: 1 } }, select: { votes: true, answeredAt: true } })
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { votes: question.votes, counted: false }
    throw error
  }
  try {
    await withRedis(getProducerRedis(), () => publishLiveEvent(getProducerRedis(), live.liveId, { type: "question", id: question.id, votes: updated.votes, answered: updated.answeredAt !== null }), 1_000)
  } catch (error) {
    logger.warn({ err: error, liveId: live.liveId, messageId: question.id }, "question vote stored but not pushed to the page's viewers")
  }
  return { votes: updated.votes, counted: true }
}
