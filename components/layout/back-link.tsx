"use client"

import Link from "next/link"
import type { ReactNode } from "react"

import { buttonClasses, type ButtonVariant } from "@/components/ui/button"

/**
 * "Go back": returns to the previous page of this site when there is one (the browser's history),
 * else follows `fallback`. A plain link without JavaScript.
 */
export function BackLink({ fallback, variant, children }: { fallback: string; variant?: ButtonVariant; children: ReactNode }) {
  return (
    <Link
      href={fallback}
      className={buttonClasses({ variant })}
      onClick={(event) => {
        const fromHere = document.referrer && new URL(document.referrer).origin === window.location.origin
        if (fromHere && window.history.length > 1) {
          event.preventDefault()
          window.history.back()
        }
      }}
    >
      {children}
    </Link>
  )
}
