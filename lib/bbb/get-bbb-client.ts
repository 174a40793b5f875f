// The BBB client of this process, wired to the settings, its calls timed for /api/metrics.
import { getEnv } from "@/lib/config/env"
import { observeBbbCall } from "@/lib/metrics/process-metrics"

import { createBbbClient, type BbbClient } from "./client"

let client: BbbClient | undefined

/** API call name of each timed method (iterateRecordings is timed through getRecordingsPage's calls). */
const CALL_OF: Partial<Record<keyof BbbClient, string>> = {
  getMeetings: "getMeetings",
  getMeetingChunks: "getMeetings",
  getMeetingInfo: "getMeetingInfo",
  isMeetingRunning: "isMeetingRunning",
  getRecordings: "getRecordings",
  getRecordingsPage: "getRecordings",
  endMeeting: "end",
  sendChatMessage: "sendChatMessage",
  getVersion: "api",
}

/** Wraps the network methods of a client to record their latency by call and outcome. */
export function withCallMetrics(inner: BbbClient): BbbClient {
  const timed = { ...inner }
  for (const [method, call] of Object.entries(CALL_OF) as [keyof BbbClient, string][]) {
    const original = inner[method] as (...args: unknown[]) => Promise<unknown>
    ;(timed as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const started = performance.now()
      try {
        const value = await original(...args)
        observeBbbCall(call, "success", (performance.now() - started) / 1000)
        return value
      } catch (error) {
        const kind = (error as { kind?: unknown }).kind
        observeBbbCall(call, typeof kind === "string" ? kind.toLowerCase() : "error", (performance.now() - started) / 1000)
        throw error
      }
    }
  }
  return timed
}

export function getBbbClient(): BbbClient {
  const env = getEnv()
  client ??= withCallMetrics(
    createBbbClient({
      serverUrl: env.BBB_SERVER_URL,
      secret: env.BBB_SECRET_KEY,
      checksumAlgorithm: env.BBB_CHECKSUM_ALGORITHM,
      timeoutMs: env.BBB_TIMEOUT_MS,
    }),
  )
  return client
}
