"use client"

import { useTranslations } from "next-intl"
import { useState } from "react"

import { useLiveEvents } from "@/components/lives/use-live-events"

/** How many people watch now, across every app instance (sent by the live's event stream). */
export function LiveViewerCount({ slug }: { slug: string }) {
  const t = useTranslations("livePage")
  const [count, setCount] = useState<number | null>(null)
  useLiveEvents(slug, (event) => {
    if (event.type === "viewers") setCount(event.count)
  })
  return (
    <p className="flex items-center gap-1.5 text-sm text-slate-700" data-testid="viewer-count">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" />
        <circle cx="12" cy="12" r="3" />
      </svg>
      <span>{count === null ? t("viewersUnknown") : t("viewers", { count })}</span>
    </p>
  )
}
