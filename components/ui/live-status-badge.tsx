import { useTranslations } from "next-intl"

import type { LiveStatus } from "@/lib/lives/schemas"

import { Badge, type BadgeTone } from "./badge"

/** Every state a live can show: the Live statuses, plus WAITING (requested, no free streamer yet). */
export type LiveBadgeStatus = LiveStatus | "WAITING"

const TONE: Record<LiveBadgeStatus, BadgeTone> = {
  WAITING: "warning",
  REQUESTED: "info",
  STARTING: "info",
  RUNNING: "live",
  STOPPING: "neutral",
  STOPPED: "neutral",
  FAILED: "danger",
}

const PULSING: ReadonlySet<LiveBadgeStatus> = new Set(["REQUESTED", "STARTING", "STOPPING", "WAITING"])

/**
 * A live's status as a short coloured label ("En direct", "Démarrage…"). Works in server and client
 * components; the words come from `liveBadge.<status>`. Give the failure reason next to it, not in it.
 */
export function LiveStatusBadge({ status, testId = "live-status" }: { status: LiveBadgeStatus; testId?: string }) {
  const t = useTranslations("liveBadge")
  return (
    <Badge tone={TONE[status]} testId={testId}>
      <span aria-hidden="true" className={`size-2 rounded-full bg-current ${PULSING.has(status) ? "animate-pulse" : ""}`} />
      {t(status)}
    </Badge>
  )
}
