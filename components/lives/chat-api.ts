"use client"

// The chat panel's calls to its endpoints: JSON in, the answer or the error code out (never throws
// for an HTTP error; a network failure is the code NETWORK).
import type { AppErrorCode } from "@/lib/errors"

export type ChatCallResult<T> = { ok: true; data: T } | { ok: false; code: AppErrorCode | "NETWORK" }

export async function chatCall<T>(url: string, init?: { method?: string; body?: unknown }): Promise<ChatCallResult<T>> {
  try {
    const response = await fetch(url, {
      method: init?.method ?? "GET",
      headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    })
    const data = (await response.json().catch(() => ({ code: "INTERNAL" }))) as T | { code: AppErrorCode }
    if (!response.ok) return { ok: false, code: (data as { code?: AppErrorCode }).code ?? "INTERNAL" }
    return { ok: true, data: data as T }
  } catch {
    return { ok: false, code: "NETWORK" }
  }
}

export const chatUrl = (slug: string, path = "") => `/api/lives/${encodeURIComponent(slug)}/chat${path}`
