// Tells an expected outage (a dependency that does not answer) from a real failure, so that workers
// report the first as one "down" line and log the second in full.
import { isAppError } from "@/lib/errors"

import type { Dependency } from "./outages"

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"])
// PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, connection failures (08xxx).
const PG_OUTAGE_SQLSTATES = /^(57P01|57P02|57P03|55000|08\d{3})$/
const PG_OUTAGE_MESSAGES = /is not currently accepting connections|Connection terminated|terminating connection|the database system is (starting up|shutting down)|Can't reach database server|Client has encountered a connection error|connection (is )?closed|DatabaseNotReachable|timeout exceeded when trying to connect|SocketTimeout|ConnectionClosed/i
const REDIS_OUTAGE_MESSAGES = /Connection is closed|Stream isn't writeable|MaxRetriesPerRequest|Reached the max retries per request|Redis did not answer|LOADING Redis is loading/i

/** Which dependency this error says is down, or null when it is not an outage. */
export function outageOf(error: unknown, depth = 0): Dependency | null {
  if (!error || typeof error !== "object" || depth > 4) return null
  if (isAppError(error)) {
    if (error.code === "BBB_UNAVAILABLE") return (error as { isTransient?: boolean }).isTransient === false ? null : "bbb"
    if (error.code === "DATABASE_UNAVAILABLE") return "postgresql"
    if (error.code === "QUEUE_UNAVAILABLE") return "redis"
  }
  const e = error as { message?: unknown; code?: unknown; name?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown }
  const message = typeof e.message === "string" ? e.message : ""
  const name = typeof e.name === "string" ? e.name : ""
  const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : ""
  const isPrisma = name.startsWith("Prisma") || name === "DriverAdapterError" || /^P1\d{3}$/.test(code)
  if (isPrisma && (/^P10(0[12]|17)$/.test(code) || PG_OUTAGE_MESSAGES.test(message))) return "postgresql"
  if (!isPrisma && (REDIS_OUTAGE_MESSAGES.test(message) || name === "MaxRetriesPerRequestError")) return "redis"
  if (PG_OUTAGE_SQLSTATES.test(code) || PG_OUTAGE_MESSAGES.test(message)) return "postgresql"
  const nested = outageOf(e.cause, depth + 1)
  if (nested) return nested
  // A bare network error: the caller knows which service it talked to.
  if (NETWORK_CODES.has(code) || [...NETWORK_CODES].some((c) => message.includes(c))) return isPrisma ? "postgresql" : "redis"
  return null
}
