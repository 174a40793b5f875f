import type { ReactNode } from "react"

import { cn } from "./cn"

export type NoticeTone = "info" | "success" | "warning" | "error"

const TONES: Record<NoticeTone, string> = {
  info: "border-brand-600 bg-brand-50 text-brand-800",
  success: "border-green-700 bg-green-50 text-green-900",
  warning: "border-amber-500 bg-amber-50 text-amber-950",
  error: "border-red-700 bg-red-50 text-red-900",
}

/**
 * A message in a coloured box. Errors are announced as alerts, the rest as polite status messages;
 * pass `live={false}` for static text that must not be announced (a standing warning).
 */
export function Notice({
  tone = "info",
  title,
  children,
  live = true,
  className,
  testId,
}: {
  tone?: NoticeTone
  title?: ReactNode
  children?: ReactNode
  live?: boolean
  className?: string
  testId?: string
}) {
  const role = !live ? undefined : tone === "error" ? "alert" : "status"
  return (
    <div role={role} data-testid={testId} className={cn("rounded-md border-l-4 px-3 py-2 text-sm leading-relaxed", TONES[tone], className)}>
      {title && <p className="font-semibold">{title}</p>}
      {children}
    </div>
  )
}
