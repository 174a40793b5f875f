// Next-specific glue shared by actions and route handlers: AppError → values or HTTP statuses.
import { NextResponse } from "next/server"
import { z } from "zod"

import { requireRole, requireUser, type CurrentUser, type RequiredRole } from "@/lib/auth/session"
import { AppError, isAppError, type AppErrorCode } from "@/lib/errors"
import { logger } from "@/lib/logger"

export type FormState<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode; fieldErrors?: Record<string, string[]> }
  | null

export function invalidForm(error: z.ZodError): FormState<never> {
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form"
    ;(fieldErrors[key] ??= []).push(issue.message)
  }
  return { ok: false, code: "INVALID_INPUT", fieldErrors }
}

/**
 * Runs a server action's body: expected errors (AppError, invalid input) become values for
 * useActionState, unknown ones are logged and shown as a generic message.
 */
export async function runAction<T>(fn: () => Promise<T>): Promise<FormState<T>> {
  try {
    return { ok: true, data: await fn() }
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code }
    if (error instanceof z.ZodError) return invalidForm(error)
    logger.error({ err: error }, "server action failed")
    return { ok: false, code: "INTERNAL" }
  }
}

const STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  BBB_UNAVAILABLE: 503,
  QUEUE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  LIVES_DISABLED: 404,
  LIVE_CAP_REACHED: 409,
  MEETING_NOT_RUNNING: 409,
  NOT_A_MODERATOR: 403,
  LIVE_ALREADY_ACTIVE: 409,
  INTERNAL: 500,
}

export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    return NextResponse.json({ error: { code: error.code } }, { status: STATUS[error.code] })
  }
  logger.error({ err: error }, "route handler failed")
  return NextResponse.json({ error: { code: "INTERNAL" } }, { status: 500 })
}

type RouteOptions<S extends z.ZodType | undefined> = { role?: RequiredRole | "user" | "public"; body?: S }
type RouteContext<S> = { request: Request; user: CurrentUser | null; body: S extends z.ZodType ? z.infer<S> : undefined; params: Record<string, string> }

/** One wrapper for route handlers: authenticate, parse the JSON body with zod, map AppError → HTTP. */
export function route<S extends z.ZodType | undefined = undefined>(
  options: RouteOptions<S>,
  handler: (ctx: RouteContext<S>) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }) => {
    try {
      const role = options.role ?? "user"
      const user = role === "public" ? null : role === "user" ? await requireUser() : await requireRole(role)
      let body: unknown = undefined
      if (options.body) {
        const json = await request.json().catch(() => {
          throw new AppError("INVALID_INPUT", { message: "body is not JSON" })
        })
        const parsed = options.body.safeParse(json)
        if (!parsed.success) return NextResponse.json({ error: { code: "INVALID_INPUT", issues: parsed.error.issues } }, { status: 400 })
        body = parsed.data
      }
      const params = (await context.params) ?? {}
      const result = await handler({ request, user, body: body as RouteContext<S>["body"], params })
      return result instanceof Response ? result : NextResponse.json(result ?? { ok: true })
    } catch (error) {
      return errorResponse(error)
    }
  }
}
