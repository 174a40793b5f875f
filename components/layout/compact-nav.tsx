"use client"

// One navigation pattern for the header and the admin sub-navigation: from 768 px every entry shows
// in a row; on a phone the navigation is one row, the current entry, and the others unfold under it
// (a <details>, so it works without JavaScript). Nothing scrolls sideways and no entry is cut.
import { usePathname } from "next/navigation"
import { useEffect, useRef } from "react"

import { cn } from "@/components/ui/cn"

import { isNavEntryActive, NavLink } from "./nav-link"

export type NavEntry = { href: string; label: string; section?: string; exact?: boolean }

export function CompactNav({
  label,
  entries,
  fallback,
  className,
  wrap = true,
  testId,
}: {
  /** The landmark's name ("Navigation principale", "Administration"). */
  label: string
  entries: NavEntry[]
  /** What the folded row says when no entry is the current page. */
  fallback: string
  className?: string
  /** From 768 px, whether the row may wrap (the admin's ten areas) or stays one line (the header's). */
  wrap?: boolean
  testId?: string
}) {
  const pathname = usePathname()
  const folded = useRef<HTMLDetailsElement>(null)
  // A click on an entry navigates without a reload: fold the list again on the new page.
  useEffect(() => {
    if (folded.current) folded.current.open = false
  }, [pathname])
  const current = entries.find((e) => isNavEntryActive(pathname, e))
  const links = entries.map((e) => (
    <li key={e.href}>
      <NavLink href={e.href} section={e.section} exact={e.exact}>
        {e.label}
      </NavLink>
    </li>
  ))
  return (
    <nav aria-label={label} className={className} data-testid={testId}>
      {/* A single entry needs no folding. */}
      <ul className={cn("gap-1", wrap ? "flex-wrap" : "whitespace-nowrap", entries.length > 1 ? "hidden md:flex" : "flex")}>{links}</ul>
      {entries.length > 1 && (
        <details ref={folded} className="group md:hidden" data-testid={testId && `${testId}-compact`}>
          <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
            <span className="min-w-0 break-words">{current?.label ?? fallback}</span>
            <span aria-hidden="true" className="shrink-0 text-slate-500 transition-transform group-open:rotate-180">
              ▾
            </span>
          </summary>
          <ul className="mt-1 space-y-0.5 rounded-md border border-slate-200 bg-white p-1 shadow-sm">{links}</ul>
        </details>
      )}
    </nav>
  )
}
