// Readiness: 200 when PostgreSQL and Redis answer, 503 otherwise (take this instance out of rotation).
import { NextResponse } from "next/server"

import { getEnv } from "@/lib/config/env"
import { checkDatabase, checkRedis } from "@/lib/health/check-services"

export const dynamic = "force-dynamic"

export async function GET() {
  const env = getEnv()
  const [postgresql, redis] = await Promise.all([checkDatabase(env.DATABASE_URL, 2_000), checkRedis(env.REDIS_URL, 2_000)])
  const ready = postgresql.ok && redis.ok
  return NextResponse.json({ ready, postgresql, redis }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } })
}
