import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { getEnv } from "@/lib/config/env"
import { listRecentLives } from "@/lib/lives/list-recent-lives"
import { listTeacherMeetings } from "@/lib/meetings/list-teacher-meetings"
import { bbbNameOf } from "@/lib/meetings/name-keys"
import { requestMeetingsRefresh } from "@/lib/meetings/request-meetings-refresh"

import { AutoRefresh } from "@/components/layout/auto-refresh"
import { EmptyState } from "@/components/ui/empty-state"
import { FlashNotice } from "@/components/ui/flash-notice"
import { Help } from "@/components/ui/help"
import { Notice } from "@/components/ui/notice"
import { PageHeader } from "@/components/ui/page-header"

import { liveStartScope, readFlashMessage } from "@/app/_lib/flash"
import { requirePageRole } from "@/app/_lib/guards"

import { MeetingCard } from "./_components/meeting-card"
import { RecentLives } from "./_components/recent-lives"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") }
}

export default async function MeetingsPage() {
  const user = await requirePageRole("teacher", "/meetings")
  // Not awaited: the page renders what is known now; the change feed refreshes it when the sync is done.
  void requestMeetingsRefresh()
  const [t, format, view, recent, flash] = await Promise.all([
    getTranslations("meetings"),
    getFormatter(),
    listTeacherMeetings(user),
    listRecentLives(user),
    readFlashMessage(),
  ])
  const env = getEnv()
  // The request's notice ("il démarre dans quelques instants") holds while its live is requested or starting.
  const startingLives = view.meetings.flatMap((m) => (m.live && (m.live.status === "REQUESTED" || m.live.status === "STARTING") ? [liveStartScope(m.live.id)] : []))
  const bbbName = bbbNameOf(user, env.BBB_USERNAME_FORMAT)
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <FlashNotice flash={flash} activeScopes={startingLives} />
      {!view.livesEnabled ? (
        <Notice tone="info" live={false}>
          <p>{t("disabled")}</p>
        </Notice>
      ) : (
        <>
          <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <p className="font-medium text-slate-800" data-testid="meetings-count" aria-live="polite">
              {t("count", { count: view.meetings.length })}
            </p>
            <div className="sm:w-80">
              <Help summary={t("helpSummary")} testId="meetings-help">
                <p>{t("helpWhy")}</p>
                <p>{t("helpBreakout")}</p>
                <p className="font-medium">{t("helpStop")}</p>
              </Help>
            </div>
          </div>
          {view.meetings.length === 0 ? (
            <EmptyState title={t("none")} testId="no-meetings">
              {view.ambiguousName ? t("ambiguousHelp", { email: env.ADMIN_EMAIL }) : t("noneHelp", { name: bbbName, email: env.ADMIN_EMAIL })}
            </EmptyState>
          ) : (
            <ul className="space-y-4">
              {view.meetings.map((m) => (
                <li key={m.id}>
                  <MeetingCard meeting={m} capReached={view.capReached} startedAt={format.dateTime(m.sessionDate, "dateTime")} />
                </li>
              ))}
            </ul>
          )}
          <RecentLives lives={recent} />
          <p className="mt-6 text-sm text-slate-600">{t("autoRefresh")}</p>
        </>
      )}
      <AutoRefresh />
    </>
  )
}
