import type { ReactNode } from "react"

import { cn } from "./cn"

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "live"

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  info: "bg-brand-50 text-brand-800 ring-brand-100",
  success: "bg-green-50 text-green-800 ring-green-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  danger: "bg-red-50 text-red-800 ring-red-200",
  live: "bg-red-700 text-white ring-red-700",
}

export function Badge({ tone = "neutral", children, className, testId }: { tone?: BadgeTone; children: ReactNode; className?: string; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={cn("inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset", TONES[tone], className)}
    >
      {children}
    </span>
  )
}
