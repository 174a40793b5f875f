// Liveness: the process answers. Never checks dependencies (a load balancer must not restart every
// instance because PostgreSQL is down); readiness is /api/health/ready.
import { NextResponse } from "next/server"

export const dynamic = "force-dynamic"

export function GET() {
  return NextResponse.json({ status: "alive" }, { headers: { "cache-control": "no-store" } })
}
