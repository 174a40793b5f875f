// Flash notices: a message set by a server action and shown once by the next page, carried in a
// short-lived cookie rather than the URL (a reload or a shared link never shows it again). The
// page reads it with readFlash(); <FlashNotice> shows it and deletes the cookie in the browser.
// A notice about a state (a live requested, about to start) names it as its `scope`: the page says
// which scopes still hold at each render, and the notice goes away once its state has moved on.
import { cookies } from "next/headers"
import { getTranslations } from "next-intl/server"
import { z } from "zod"

import type { NoticeTone } from "@/components/ui/notice"

export const FLASH_COOKIE = "flash"

/** Each flash is a key of the `flash` messages, its tone and the values its message interpolates. */
const FLASH_TONES = {
  liveRequested: "success",
  liveAlreadyRequested: "info",
  liveNotSignalled: "warning",
  attendeeAssigned: "success",
  attendeeAutomatic: "success",
  buildingDeleted: "success",
  broadcasterDeleted: "success",
  recordingClaimed: "success",
  externalImportRequested: "success",
  externalRecordingDeleted: "success",
  adminLiveDeleted: "success",
  videoDeleted: "success",
  videoReassigned: "success",
} as const satisfies Record<string, NoticeTone>

export type FlashKey = keyof typeof FLASH_TONES

const flashSchema = z.object({
  key: z.enum(Object.keys(FLASH_TONES) as [FlashKey, ...FlashKey[]]),
  values: z.record(z.string(), z.string().max(300)).default({}),
  scope: z.string().max(100).optional(),
})
export type Flash = z.infer<typeof flashSchema>

/** The scope of a notice about a live's start: it holds while the live is requested or starting. */
export function liveStartScope(liveId: number): string {
  return `live-start:${liveId}`
}

/**
 * In a server action, before redirecting or refreshing: the next page render shows this message.
 * `scope`: the state the message is about (e.g. liveStartScope(id)); the notice shows only while
 * the page lists that scope as current (<FlashNotice activeScopes>).
 */
export async function setFlash(key: FlashKey, values: Record<string, string> = {}, options: { scope?: string } = {}): Promise<void> {
  const flash: Flash = { key, values, ...(options.scope ? { scope: options.scope } : {}) }
  ;(await cookies()).set(FLASH_COOKIE, JSON.stringify(flash), { path: "/", maxAge: 60, sameSite: "lax", httpOnly: false })
}

/** In a page: the pending flash, if any (a tampered or stale cookie is ignored). */
export async function readFlash(): Promise<(Flash & { tone: NoticeTone }) | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value
  if (!raw) return null
  try {
    const flash = flashSchema.parse(JSON.parse(raw))
    return { ...flash, tone: FLASH_TONES[flash.key] }
  } catch {
    return null
  }
}

/** The pending flash, translated, for <FlashNotice>. */
export async function readFlashMessage(): Promise<{ tone: NoticeTone; message: string; scope?: string } | null> {
  const flash = await readFlash()
  if (!flash) return null
  const t = await getTranslations("flash")
  return { tone: flash.tone, message: t(flash.key, flash.values), ...(flash.scope ? { scope: flash.scope } : {}) }
}
