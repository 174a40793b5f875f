// Full health report (see lib/health/get-service-health.ts): 200 while PostgreSQL and Redis answer
// ("ok" or "degraded"), 503 when one does not.
import { NextResponse } from "next/server"

import { getServiceHealth } from "@/lib/health/get-service-health"

export const dynamic = "force-dynamic"

export async function GET() {
  const health = await getServiceHealth()
  return NextResponse.json(health, { status: health.ready ? 200 : 503, headers: { "cache-control": "no-store" } })
}
