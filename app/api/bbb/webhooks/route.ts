// bbb-webhooks callbacks (POST by each BBB server's webhooks service). Machines only: answers codes.
// Not wrapped in route(): the callers send neither an Origin nor a JSON body. A refusal keeps the
// shared status of its code (http-status.ts): 404 when webhooks are not configured, 401 on a wrong
// checksum (nothing changes), 400 on a bad body; anything else (Redis down…) is logged and answers 500;
// a replay of a signed callback answers 200 with `replay: true` and changes nothing (a 4xx would make
// bbb-webhooks count a failed delivery and, in the end, drop our hook).
import { NextResponse } from "next/server"

import { handleWebhookCallback } from "@/lib/bbb-webhooks/handle-webhook-callback"
import { isAppError } from "@/lib/errors"
import { logger } from "@/lib/logger"

import { httpStatus } from "@/app/_lib/http-status"

export const dynamic = "force-dynamic"

export async function POST(request: Request) {
  const rawBody = await request.text()
  try {
    const result = await handleWebhookCallback({ checksum: new URL(request.url).searchParams.get("checksum"), rawBody })
    return NextResponse.json({ ok: true, ...result })
  } catch (error) {
    if (isAppError(error) && httpStatus(error.code) < 500) return NextResponse.json({ ok: false, code: error.code }, { status: httpStatus(error.code) })
    logger.error({ err: error }, "bbb-webhooks callback failed")
    return NextResponse.json({ ok: false, code: "INTERNAL" }, { status: 500 })
  }
}
