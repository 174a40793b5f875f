import type { ReactNode } from "react"

import { cn } from "./cn"
import { SectionHeading } from "./section-heading"

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

/**
 * A card that is a named section: its h2 (`title`) labels it. `hiddenTitle` keeps the heading for
 * screen readers only (a form alone under the page's h1 that already says what it is).
 */
export function SectionCard({
  id,
  title,
  hiddenTitle = false,
  titleClassName,
  className,
  children,
}: {
  id: string
  title: ReactNode
  hiddenTitle?: boolean
  titleClassName?: string
  className?: string
  children: ReactNode
}) {
  return (
    <Card as="section" labelledBy={id} className={className}>
      {hiddenTitle ? (
        <h2 id={id} className="sr-only">
          {title}
        </h2>
      ) : (
        <SectionHeading id={id} className={titleClassName}>
          {title}
        </SectionHeading>
      )}
      {children}
    </Card>
  )
}
