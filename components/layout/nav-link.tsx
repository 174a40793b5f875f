"use client"

import Link from "next/link"
import { usePathname } from "next/navigation"
import { useEffect, useRef, type ReactNode } from "react"

import { cn } from "@/components/ui/cn"

/** Whether a navigation entry stands for the current page (NavLink's rule, also CompactNav's). */
export function isNavEntryActive(pathname: string, entry: { href: string; section?: string; exact?: boolean }): boolean {
  const section = entry.section ?? entry.href
  return pathname === entry.href || (!entry.exact && (pathname === section || pathname.startsWith(`${section}/`)))
}

/** `section`: the path prefix of the pages this entry stands for (default: `href`); `exact`: only `href` itself. */
export function NavLink({ href, section = href, exact = false, children }: { href: string; section?: string; exact?: boolean; children: ReactNode }) {
  const pathname = usePathname()
  const active = isNavEntryActive(pathname, { href, section, exact })
  const ref = useRef<HTMLAnchorElement>(null)
  // On a phone the navigation row may scroll sideways: bring the current entry into view.
  useEffect(() => {
    const nav = ref.current?.closest("nav")
    if (active && ref.current && nav && nav.scrollWidth > nav.clientWidth) ref.current.scrollIntoView({ block: "nearest", inline: "nearest" })
  }, [active])
  return (
    <Link
      ref={ref}
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "block rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
        active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100",
      )}
    >
      {children}
    </Link>
  )
}
