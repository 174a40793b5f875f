// Prometheus metrics, for machines holding METRICS_TOKEN (Authorization: Bearer <token>). Without the
// setting the endpoint does not exist (404); a missing or wrong token is refused (401).
import { NextResponse } from "next/server"

import { authorizeMetrics } from "@/lib/metrics/is-metrics-token-valid"
import { renderMetrics } from "@/lib/metrics/render-metrics"

export const dynamic = "force-dynamic"

export async function GET(request: Request) {
  const access = authorizeMetrics(request.headers.get("authorization"))
  if (access === "disabled") return NextResponse.json({ code: "NOT_FOUND" }, { status: 404 })
  if (access === "refused") return NextResponse.json({ code: "UNAUTHENTICATED" }, { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } })
  const { contentType, body } = await renderMetrics()
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } })
}
