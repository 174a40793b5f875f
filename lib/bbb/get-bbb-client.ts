// The BBB client of this process, wired to the settings.
import { getEnv } from "@/lib/config/env"

import { createBbbClient, type BbbClient } from "./client"

let client: BbbClient | undefined

export function getBbbClient(): BbbClient {
  const env = getEnv()
  client ??= createBbbClient({
    serverUrl: env.BBB_SERVER_URL,
    secret: env.BBB_SECRET_KEY,
    checksumAlgorithm: env.BBB_CHECKSUM_ALGORITHM,
    timeoutMs: env.BBB_TIMEOUT_MS,
  })
  return client
}
