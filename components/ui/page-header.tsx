import Link from "next/link"
import type { ReactNode } from "react"

/**
 * The top of every page: an optional link back to the parent page, the title (the page's only h1),
 * one short line, and the page's actions on the right (below the title on a phone).
 */
export function PageHeader({
  title,
  description,
  actions,
  back,
  children,
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  back?: { href: string; label: string }
  children?: ReactNode
}) {
  return (
    <header className="mb-6">
      {back && (
        <p className="mb-2 text-sm">
          <Link href={back.href} className="inline-flex items-center gap-1 text-slate-600 underline-offset-2 hover:text-brand-700 hover:underline">
            <span aria-hidden="true">←</span> {back.label}
          </Link>
        </p>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-balance text-slate-900">{title}</h1>
          {description && <div className="mt-1 max-w-prose text-slate-600">{description}</div>}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
      </div>
      {children}
    </header>
  )
}
