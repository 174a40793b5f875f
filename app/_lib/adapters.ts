// Next-specific glue of server actions: AppError and invalid input → values for useActionState.
import { z } from "zod"

import { isAppError, type AppErrorCode } from "@/lib/errors"
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
