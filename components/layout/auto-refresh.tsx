"use client"

import { useRouter } from "next/navigation"
import { useEffect } from "react"

import type { ChangeTopic } from "@/lib/events/change-feed"

/**
 * Re-renders the page (server components, no full reload) when the server says meetings or lives
 * changed; polls every `fallbackMs` while the event stream is down so statuses never go stale.
 * `topics` limits the stream to some topics (anonymous visitors may only ask for "lives").
 */
export function AutoRefresh({ fallbackMs = 5_000, topics }: { fallbackMs?: number; topics?: readonly ChangeTopic[] }) {
  const topicList = topics?.join(",") ?? ""
  const router = useRouter()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let poll: ReturnType<typeof setInterval> | undefined
    const refresh = () => {
      clearTimeout(timer)
      timer = setTimeout(() => router.refresh(), 200) // coalesce bursts
    }
    const source = new EventSource(topicList ? `/api/events?topics=${encodeURIComponent(topicList)}` : "/api/events")
    source.addEventListener("change", refresh)
    source.onopen = () => {
      clearInterval(poll)
      poll = undefined
      refresh() // catch up on what changed while disconnected
    }
    source.onerror = () => {
      poll ??= setInterval(() => router.refresh(), fallbackMs)
    }
    return () => {
      source.close()
      clearTimeout(timer)
      clearInterval(poll)
    }
  }, [router, fallbackMs, topicList])
  return null
}
