// Who reads the health endpoints' detail (hosts and ports of PostgreSQL and Redis, queue sizes, BBB's
// error text): admins signed in, callers with the metrics token (Authorization: Bearer
// <METRICS_TOKEN>), and the client addresses of HEALTH_DETAIL_ALLOW. Everyone else gets booleans.
import type { CurrentUser } from "@/lib/auth/find-session-user"
import { getClientIp, PEER_ADDRESS_HEADER, trustedProxyList } from "@/lib/auth/client-ip"
import { getEnv } from "@/lib/config/env"
import { isMetricsTokenValid } from "@/lib/metrics/is-metrics-token-valid"

export function mayReadHealthDetail(input: { headers: Headers; user: Pick<CurrentUser, "role"> | null }): boolean {
  const env = getEnv()
  if (input.user?.role === "ADMIN") return true
  if (env.METRICS_TOKEN && isMetricsTokenValid(input.headers.get("authorization"), env.METRICS_TOKEN)) return true
  if (env.HEALTH_DETAIL_ALLOW.length === 0) return false
  const ip = getClientIp({
    peer: input.headers.get(PEER_ADDRESS_HEADER),
    forwardedFor: input.headers.get("x-forwarded-for"),
    trustedProxies: trustedProxyList(env.TRUSTED_PROXIES),
  })
  if (ip === "unknown") return false
  return trustedProxyList(env.HEALTH_DETAIL_ALLOW).check(ip, ip.includes(":") ? "ipv6" : "ipv4")
}
