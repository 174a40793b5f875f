// Which relay carries the chat (CHAT_RELAY): a fixed one, or "auto": sendChatMessage when the BBB server
// reports version 3.0 or later (its API root answer's bbbVersion), the streamer's redis bot otherwise
// (older BBB, Scalelite, or a server that does not say). The answer is kept for a while per process.
import { createBbbClient, type BbbClient } from "@/lib/bbb/client"
import { withCallMetrics } from "@/lib/bbb/get-bbb-client"
import { getEnv, type Env } from "@/lib/config/env"
import { logger } from "@/lib/logger"

import { createBbbApiChatRelay } from "./bbb-api-relay"
import type { ChatRelay } from "./chat-relay"
import { createRedisChatRelay } from "./redis-relay"

const VERSION_TTL_MS = 10 * 60_000
/** After a failed version check, redis is used and BBB asked again this soon. */
const FAILED_VERSION_TTL_MS = 30_000

/** True for "3.0.4", "3.1", "4.0-beta"...; false for "2.7.3", "simulator", null. */
export function supportsSendChatMessage(bbbVersion: string | null): boolean {
  const major = /^(\d+)\./.exec(bbbVersion ?? "")?.[1]
  return major !== undefined && Number(major) >= 3
}

type Relays = { env: Env; client: BbbClient; redis: ChatRelay; bbbApi: ChatRelay; auto?: { relay: ChatRelay; until: number } }
let cached: Relays | undefined

function relays(): Relays {
  const env = getEnv()
  if (cached?.env !== env) {
    const client = withCallMetrics(
      createBbbClient({ serverUrl: env.BBB_SERVER_URL, secret: env.BBB_SECRET_KEY, checksumAlgorithm: env.BBB_CHECKSUM_ALGORITHM, timeoutMs: env.CHAT_RELAY_TIMEOUT_MS }),
    )
    cached = { env, client, redis: createRedisChatRelay({ timeoutMs: env.CHAT_RELAY_TIMEOUT_MS }), bbbApi: createBbbApiChatRelay(client) }
  }
  return cached
}

export async function chooseChatRelay(): Promise<ChatRelay> {
  const current = relays()
  const setting = current.env.CHAT_RELAY
  if (setting === "redis") return current.redis
  if (setting === "bbb-api") return current.bbbApi
  if (current.auto && current.auto.until > Date.now()) return current.auto.relay
  try {
    const { bbbVersion } = await current.client.getVersion()
    const relay = supportsSendChatMessage(bbbVersion) ? current.bbbApi : current.redis
    current.auto = { relay, until: Date.now() + VERSION_TTL_MS }
    logger.info({ bbbVersion, relay: relay.name }, "chat relay chosen from the BBB server's version")
  } catch (error) {
    current.auto = { relay: current.redis, until: Date.now() + FAILED_VERSION_TTL_MS }
    logger.warn({ err: error }, "BBB version unknown: the chat goes through the streamer's redis for now")
  }
  return current.auto.relay
}
