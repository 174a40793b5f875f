import Link from "next/link"
import { getTranslations } from "next-intl/server"

import type { TeacherMeetingView } from "@/lib/meetings/list-teacher-meetings"

import { CancelLiveButton } from "./cancel-live-button"

export async function MeetingCard({ meeting, capReached, startedAt }: { meeting: TeacherMeetingView; capReached: boolean; startedAt: string }) {
  const [t, tStatus, tFailure, tEnd] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("liveStatus"),
    getTranslations("liveFailure"),
    getTranslations("liveEnd"),
  ])
  const live = meeting.live
  const reason = live?.failureReason && tFailure.has(live.failureReason as "unknown") ? tFailure(live.failureReason as "unknown") : tFailure("unknown")
  const endReason = live?.stopReason && tEnd.has(live.stopReason as "MEETING_ENDED") ? tEnd(live.stopReason as "MEETING_ENDED") : null
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`meeting-${meeting.id}`} aria-labelledby={`meeting-title-${meeting.id}`}>
      <h2 id={`meeting-title-${meeting.id}`} className="text-lg font-medium">
        {meeting.name}
      </h2>
      <p className="text-sm text-slate-600">{t("startedAt", { date: startedAt })}</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {live && (
          <p data-testid="live-status" className={live.status === "FAILED" ? "text-red-700" : live.status === "RUNNING" ? "font-medium text-green-800" : "text-slate-800"}>
            {tStatus(live.status, { reason })}
            {live.status === "STOPPED" && endReason && <span className="text-slate-600"> ({endReason})</span>}
          </p>
        )}
        {live?.status === "RUNNING" && live.broadcasterSlug && (
          <Link href={`/lives/${live.broadcasterSlug}`} className="text-brand-700 underline">
            {t("watch")}
          </Link>
        )}
        {live?.isActive && live.status !== "STOPPING" && <CancelLiveButton liveId={live.id} running={live.status !== "REQUESTED"} />}
        {!live?.isActive &&
          (meeting.canRequest ? (
            <Link
              href={`/meetings/${meeting.id}/live`}
              className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
            >
              {live ? t("requestAgain") : t("request")}
            </Link>
          ) : (
            capReached && (
              <p className="rounded-md bg-slate-100 px-3 py-2 text-slate-800" data-testid="busy">
                {t("busy")}
              </p>
            )
          ))}
      </div>
    </article>
  )
}
