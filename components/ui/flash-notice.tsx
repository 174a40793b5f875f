"use client"

import { useEffect, useState } from "react"

import { Notice, type NoticeTone } from "./notice"

const FLASH_COOKIE = "flash" // app/_lib/flash.ts

/**
 * Shows a flash message once: keeps it on screen across live refreshes of the page, and deletes
 * the cookie so that a reload or the next page does not show it again.
 */
export function FlashNotice({ flash }: { flash: { tone: NoticeTone; message: string } | null }) {
  const [shown, setShown] = useState(flash)
  useEffect(() => {
    if (!flash) return
    setShown(flash)
    document.cookie = `${FLASH_COOKIE}=; Max-Age=0; path=/; SameSite=Lax`
  }, [flash])
  if (!shown) return null
  return (
    <Notice tone={shown.tone} className="mb-6" testId="flash">
      <p>{shown.message}</p>
    </Notice>
  )
}
