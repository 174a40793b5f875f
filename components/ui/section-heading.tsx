import type { ReactNode } from "react"

import { cn } from "./cn"

/** The h2 of a section or card (its `id` names the section through `aria-labelledby`). */
export function SectionHeading({ id, className, children }: { id?: string; className?: string; children: ReactNode }) {
  return (
    <h2 id={id} className={cn("text-lg font-semibold text-slate-900", className)}>
      {children}
    </h2>
  )
}
