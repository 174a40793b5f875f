// Answers written by the routes server.ts serves outside Next.js (app/_lib/node-routes.ts): the same
// security headers and the same error bodies ({ code }, status by code) as the app's route handlers.
import type { ServerResponse } from "node:http"

import { getEnv } from "@/lib/config/env"
import type { AppErrorCode } from "@/lib/errors"
import { createNonce, securityHeaders } from "@/lib/security/security-headers"

import { httpStatus } from "./http-status"

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
