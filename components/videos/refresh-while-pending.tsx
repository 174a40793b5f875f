"use client"

// Re-renders the page every few seconds while something on it is still on its way (an import), so
// that « Importée » shows without a reload; stops once nothing is pending.
import { useRouter } from "next/navigation"
import { useEffect } from "react"

export function RefreshWhilePending({ pending, everyMs = 3000 }: { pending: boolean; everyMs?: number }) {
  const router = useRouter()
  useEffect(() => {
    if (!pending) return
    const timer = setInterval(() => router.refresh(), everyMs)
    return () => clearInterval(timer)
  }, [pending, everyMs, router])
  return null
}
