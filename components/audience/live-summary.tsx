// Bits shared by « Mes directs » and a live's audience page: a duration in words, and a live's status
// with why it ended.
import { getTranslations } from "next-intl/server"

import type { LiveStatus } from "@/lib/lives/schemas"

import { LiveStatusBadge } from "@/components/ui/live-status-badge"

/** "1 h 05 min", "12 min", "40 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s} s`
  const minutes = Math.floor(s / 60) % 60
  const hours = Math.floor(s / 3600)
  return hours > 0 ? `${hours} h ${String(minutes).padStart(2, "0")} min` : `${minutes} min`
}

/** How long a live was on air (null: it never started). */
export function liveDurationSeconds(live: { startedAt: Date | null; endedAt: Date | null }, now = new Date()): number | null {
  if (!live.startedAt) return null
  return ((live.endedAt ?? now).getTime() - live.startedAt.getTime()) / 1000
}

export async function LiveStatusWithReason({ live }: { live: { status: LiveStatus; failureReason: string | null; stopReason: string | null } }) {
  const [tFailure, tEnd] = await Promise.all([getTranslations("liveFailure"), getTranslations("liveEnd")])
  return (
    <>
      <LiveStatusBadge status={live.status} testId="audience-live-status" />
      {live.failureReason && <span className="mt-1 block text-xs text-red-800">{tFailure.has(live.failureReason) ? tFailure(live.failureReason) : tFailure("unknown")}</span>}
      {!live.failureReason && live.stopReason && tEnd.has(live.stopReason) && <span className="mt-1 block text-xs text-slate-600">{tEnd(live.stopReason)}</span>}
    </>
  )
}
