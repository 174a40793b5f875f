// Next-specific glue of server actions: AppError and invalid input → values for useActionState.
import { z } from "zod"

import { getCurrentUser, requireRole, requireUser, type CurrentUser, type RequiredRole } from "@/lib/auth/session"
import { getEnv } from "@/lib/config/env"
import { isAppError, type AppErrorCode } from "@/lib/errors"
import { logger } from "@/lib/logger"
import { isJsonBody, isSameOriginWrite } from "@/lib/security/request-origin"

import { httpStatus } from "./http-status"

export { httpStatus }

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
    if (isAppError(error)) {
      // An error about one field (a username already taken…) is shown under that field, keyed by its code.
      const field = error.details?.field
      return typeof field === "string" ? { ok: false, code: error.code, fieldErrors: { [field]: [error.code] } } : { ok: false, code: error.code }
    }
    if (error instanceof z.ZodError) return invalidForm(error)
    logger.error({ err: error }, "server action failed")
    return { ok: false, code: "INTERNAL" }
  }
}

export function errorResponse(code: AppErrorCode, fieldErrors?: Record<string, string[]>): Response {
  return Response.json(fieldErrors ? { code, fieldErrors } : { code }, { status: httpStatus(code), headers: { "cache-control": "no-store" } })
}

/** Who may call a handler: anyone, any signed-in user, or a role (admins hold every role). */
export type RouteAccess = "public" | "user" | RequiredRole

type RouteContext<P> = { request: Request; params: P; user: CurrentUser | null }

/**
 * Wraps a route handler (dub's withWorkspace): checks who calls it, refuses cross-site writes (a
 * POST/PUT/PATCH/DELETE whose Origin is not, whole, APP_URL's origin: CSRF, lib/security/request-origin.ts)
 * and writes whose body is not declared JSON (415), runs the handler and maps AppError and zod
 * errors to their status in one place. The handler returns a Response, or a value sent as JSON.
 *
 *   export const GET = route({ access: "admin" }, async ({ request }) => exportLivesCsv(...))
 */
export function route<P = Record<string, string>>(
  options: { access: RouteAccess },
  handler: (context: RouteContext<P>) => Promise<Response | unknown>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) {
        if (!isSameOriginWrite(request.headers, getEnv())) return errorResponse("FORBIDDEN")
        if (!isJsonBody(request.headers)) return Response.json({ code: "INVALID_INPUT" }, { status: 415, headers: { "cache-control": "no-store" } })
      }
      const user = options.access === "public" ? await getCurrentUser() : options.access === "user" ? await requireUser() : await requireRole(options.access)
      const result = await handler({ request, params: await context.params, user })
      return result instanceof Response ? result : Response.json(result ?? null, { headers: { "cache-control": "no-store" } })
    } catch (error) {
      if (isAppError(error)) return errorResponse(error.code)
      if (error instanceof z.ZodError) {
        const state = invalidForm(error)
        return errorResponse("INVALID_INPUT", state && !state.ok ? state.fieldErrors : undefined)
      }
      logger.error({ err: error, url: request.url }, "route handler failed")
      return errorResponse("INTERNAL")
    }
  }
}
