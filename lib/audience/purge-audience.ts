// Retention (daily job): audience samples, capacity samples and chat transcripts older than AUDIENCE_RETENTION_DAYS
// (default 395: an academic year and a month) are deleted. What stays of a live afterwards is its
// row (dates, status, reason), not who said what nor its curve.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

export async function purgeAudience(options: { now?: Date; days?: number } = {}): Promise<{ samples: number; capacitySamples: number; chatMessages: number }> {
  const days = options.days ?? getEnv().AUDIENCE_RETENTION_DAYS
  const cutoff = new Date((options.now ?? new Date()).getTime() - days * 24 * 3600 * 1000)
  const samples = await db.liveAudienceSample.deleteMany({ where: { at: { lt: cutoff } } })
  const capacitySamples = await db.liveCapacitySample.deleteMany({ where: { at: { lt: cutoff } } })
  const chatMessages = await db.chatMessage.deleteMany({ where: { sentAt: { lt: cutoff } } })
  return { samples: samples.count, capacitySamples: capacitySamples.count, chatMessages: chatMessages.count }
}
