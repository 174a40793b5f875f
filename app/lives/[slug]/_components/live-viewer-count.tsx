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
    <p className="text-sm text-slate-700" data-testid="viewer-count" aria-live="off">
      <span aria-hidden="true">👁 </span>
      {count === null ? t("viewersUnknown") : t("viewers", { count })}
    </p>
  )
}
