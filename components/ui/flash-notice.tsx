"use client"

import { useEffect, useState } from "react"

import { Notice, type NoticeTone } from "./notice"

const FLASH_COOKIE = "flash" // app/_lib/flash.ts

type FlashMessage = { tone: NoticeTone; message: string; scope?: string }

/**
 * Shows a flash message once: keeps it on screen across live refreshes of the page, and deletes
 * the cookie so that a reload or the next page does not show it again. A message about a state
 * (`scope`, e.g. a live about to start) shows only while `activeScopes`, recomputed by the page at
 * every render, still lists it: once the state moves on, the notice goes away.
 */
export function FlashNotice({ flash, activeScopes }: { flash: FlashMessage | null; activeScopes?: readonly string[] }) {
  const [shown, setShown] = useState(flash)
  useEffect(() => {
    if (!flash) return
    setShown(flash)
    document.cookie = `${FLASH_COOKIE}=; Max-Age=0; path=/; SameSite=Lax`
  }, [flash])
  const current = shown ?? flash
  if (!current) return null
  if (current.scope && !activeScopes?.includes(current.scope)) return null
  return (
    <Notice tone={current.tone} className="mb-6" testId="flash">
      <p>{current.message}</p>
    </Notice>
  )
}
