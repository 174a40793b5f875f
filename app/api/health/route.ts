// Health (see lib/health/get-service-health.ts): 200 while PostgreSQL and Redis answer, 503 when one
// does not. Anyone reads `{ up }`; admins, the metrics token and HEALTH_DETAIL_ALLOW read the full
// report (lib/security/may-read-health-detail.ts): hosts, ports and queue sizes are nobody else's business.
import { getRequestUser } from "@/lib/auth/get-request-user"
import { getServiceHealth } from "@/lib/health/get-service-health"
import { mayReadHealthDetail } from "@/lib/security/may-read-health-detail"

export const dynamic = "force-dynamic"

export async function GET(request: Request) {
  const health = await getServiceHealth()
  const body = mayReadHealthDetail({ headers: request.headers, user: await getRequestUser(request) }) ? health : { up: health.ready }
  return Response.json(body, { status: health.ready ? 200 : 503, headers: { "cache-control": "no-store" } })
}
