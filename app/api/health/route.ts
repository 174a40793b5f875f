import { NextResponse } from "next/server"

import { getEnv } from "@/lib/config/env"
import { checkDatabase, checkRedis } from "@/lib/health/check-services"

export const dynamic = "force-dynamic"

export async function GET() {
  const env = getEnv()
  const [database, redis] = await Promise.all([checkDatabase(env.DATABASE_URL), checkRedis(env.REDIS_URL)])
  const ok = database.ok && redis.ok
  return NextResponse.json({ ok, database, redis }, { status: ok ? 200 : 503 })
}
