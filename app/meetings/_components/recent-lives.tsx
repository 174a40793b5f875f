import { getTranslations } from "next-intl/server"

import type { RecentLiveView } from "@/lib/lives/list-recent-lives"

import { LiveStatusBadge } from "@/components/ui/live-status-badge"

/** Lives of sessions that ended recently, with how each ended. */
export async function RecentLives({ lives }: { lives: RecentLiveView[] }) {
  if (lives.length === 0) return null
  const [t, tStatus, tFailure, tEnd] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("liveStatus"),
    getTranslations("liveFailure"),
    getTranslations("liveEnd"),
  ])
  return (
    <section className="mt-8" aria-labelledby="recent-lives-title">
      <h2 id="recent-lives-title" className="text-lg font-semibold">
        {t("recentTitle")}
      </h2>
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {lives.map((live) => {
          const reason = live.failureReason && tFailure.has(live.failureReason as "unknown") ? tFailure(live.failureReason as "unknown") : tFailure("unknown")
          const end = live.stopReason && tEnd.has(live.stopReason as "MEETING_ENDED") ? tEnd(live.stopReason as "MEETING_ENDED") : null
          return (
            <li key={live.id} className="px-4 py-3" data-testid={`recent-live-${live.id}`}>
              <p className="font-medium break-words">{live.meetingName}</p>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <LiveStatusBadge status={live.status} testId="recent-live-badge" />
                <span data-testid="recent-live-status">{live.status === "STOPPED" && end ? tEnd("sentence", { reason: end }) : tStatus(live.status, { reason })}</span>
              </p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
