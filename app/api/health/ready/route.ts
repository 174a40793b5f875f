// Readiness: 200 when PostgreSQL and Redis answer, 503 otherwise (take this instance out of rotation).
// Anyone reads `{ ready }`; the detail (hosts, ports, errors) only those of lib/security/may-read-health-detail.ts.
import { getRequestUser } from "@/lib/auth/get-request-user"
import { getEnv } from "@/lib/config/env"
import { checkDatabase, checkRedis } from "@/lib/health/check-services"
import { mayReadHealthDetail } from "@/lib/security/may-read-health-detail"

export const dynamic = "force-dynamic"

export async function GET(request: Request) {
  const env = getEnv()
  const [postgresql, redis] = await Promise.all([checkDatabase(env.DATABASE_URL, 2_000), checkRedis(env, 2_000)])
  const ready = postgresql.ok && redis.ok
  const body = mayReadHealthDetail({ headers: request.headers, user: await getRequestUser(request) }) ? { ready, postgresql, redis } : { ready }
  return Response.json(body, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } })
}
