// Who may read /api/metrics: nobody when METRICS_TOKEN is unset (the endpoint does not exist), else
// whoever sends "Authorization: Bearer <METRICS_TOKEN>" (compared in constant time).
import { createHash, timingSafeEqual } from "node:crypto"

import { getEnv } from "@/lib/config/env"

const digest = (value: string) => createHash("sha256").update(value).digest()

export function isMetricsTokenValid(authorization: string | null, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")
  if (!match) return false
  return timingSafeEqual(digest(match[1]!), digest(token))
}

export function authorizeMetrics(authorization: string | null, token = getEnv().METRICS_TOKEN): "allowed" | "disabled" | "refused" {
  if (!token) return "disabled"
  return isMetricsTokenValid(authorization, token) ? "allowed" : "refused"
}
