// A signed bbb-webhooks callback is acted on once: its checksum (sha1 of the callback URL, the body,
// which carries the event's timestamp, and the secret) is kept in Redis for a few minutes with SET NX,
// so a replay of the same request, to any app instance, is recognised and changes nothing.
import { redisKey } from "@/lib/redis-keys"
import { getProducerRedis, withRedis } from "@/lib/redis"

/** How long a callback's checksum is remembered. */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 600

const deliveryKey = (checksum: string) => redisKey("bbb-webhooks", "seen", checksum.toLowerCase())

/** True for the first delivery of this checksum within the window; throws QUEUE_UNAVAILABLE when Redis does not answer. */
export async function claimWebhookDelivery(checksum: string): Promise<boolean> {
  const redis = getProducerRedis()
  const won = await withRedis(redis, () => redis.set(deliveryKey(checksum), "1", "EX", WEBHOOK_REPLAY_WINDOW_SECONDS, "NX"), 1_000)
  return won === "OK"
}

/** The callback could not be handled: forget it, so that bbb-webhooks' own retry is not taken for a replay. */
export async function releaseWebhookDelivery(checksum: string): Promise<void> {
  const redis = getProducerRedis()
  await withRedis(redis, () => redis.del(deliveryKey(checksum)), 1_000).catch(() => undefined)
}
