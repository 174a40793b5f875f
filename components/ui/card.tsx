import type { ReactNode } from "react"

import { cn } from "./cn"

/** A white box with a border: meeting cards, forms, figures. `as` picks the element (article for a card with a heading). */
export function Card({
  as: Tag = "div",
  children,
  className,
  testId,
  labelledBy,
}: {
  as?: "div" | "article" | "section"
  children: ReactNode
  className?: string
  testId?: string
  labelledBy?: string
}) {
  return (
    <Tag data-testid={testId} aria-labelledby={labelledBy} className={cn("rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5", className)}>
      {children}
    </Tag>
  )
}
