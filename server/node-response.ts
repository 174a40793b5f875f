// Answers written by the routes server.ts serves outside Next.js (server/node-routes.ts): the same
// security headers and the same error bodies ({ code }, status by code) as the app's route handlers.
import type { IncomingMessage, ServerResponse } from "node:http"

import { getEnv } from "@/lib/config/env"
import { isAppError, type AppErrorCode } from "@/lib/errors"
import { logger } from "@/lib/logger"
import { createNonce, securityHeaders } from "@/lib/security/security-headers"

import { httpStatus } from "@/app/_lib/http-status"

export function nodeSecurityHeaders(pathname: string): Record<string, string> {
  return securityHeaders({ nonce: createNonce(), pathname, settings: getEnv() })
}

export function writeJson(response: ServerResponse, pathname: string, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...nodeSecurityHeaders(pathname), "Content-Type": "application/json", "Cache-Control": "private, no-store", ...headers })
  response.end(JSON.stringify(body))
}

export function writeError(response: ServerResponse, pathname: string, code: AppErrorCode): void {
  writeJson(response, pathname, httpStatus(code), { code })
}

/**
 * Runs `serve`; an AppError it throws is answered `{ code }` with its status, anything else is logged
 * and answered INTERNAL (or the connection cut, when the answer had already begun).
 */
export async function serveOrRefuse(request: IncomingMessage, response: ServerResponse, pathname: string, serve: () => Promise<void>): Promise<void> {
  try {
    await serve()
  } catch (error) {
    if (isAppError(error)) return writeError(response, pathname, error.code)
    logger.error({ err: error, url: request.url }, "request failed")
    if (!response.headersSent) writeError(response, pathname, "INTERNAL")
    else response.destroy()
  }
}
