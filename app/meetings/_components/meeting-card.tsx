import { getTranslations } from "next-intl/server"

import type { TeacherMeetingView } from "@/lib/meetings/list-teacher-meetings"

import { Card } from "@/components/ui/card"
import { LinkButton, TextLink } from "@/components/ui/link-button"
import { LiveStatusBadge } from "@/components/ui/live-status-badge"

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
  const titleId = `meeting-title-${meeting.id}`
  return (
    <Card as="article" testId={`meeting-${meeting.id}`} labelledBy={titleId}>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <h2 id={titleId} className="text-lg font-medium break-words">
            {meeting.name}
          </h2>
          <p className="text-sm text-slate-600">{t("startedAt", { date: startedAt })}</p>
          {live && (
            <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <LiveStatusBadge status={live.waiting ? "WAITING" : live.status} />
              <span data-testid="live-status-detail">
                {live.status === "STOPPED" && endReason ? tEnd("sentence", { reason: endReason }) : tStatus(live.waiting ? "WAITING" : live.status, { reason })}
              </span>
            </p>
          )}
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-3">
          {live?.status === "RUNNING" && live.broadcasterSlug && <TextLink href={`/lives/${live.broadcasterSlug}`}>{t("watch")}</TextLink>}
          {live?.canCancel && <CancelLiveButton liveId={live.id} running={live.status !== "REQUESTED"} />}
          {!live?.isActive &&
            (meeting.canRequest ? (
              <LinkButton href={`/meetings/${meeting.id}/live`} variant={live ? "secondary" : "primary"}>
                {live ? t("requestAgain") : t("request")}
              </LinkButton>
            ) : (
              capReached && (
                <p className="max-w-xs text-sm text-slate-700" data-testid="busy">
                  {t("busy")}
                </p>
              )
            ))}
        </div>
      </div>
    </Card>
  )
}
