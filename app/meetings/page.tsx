import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"
import { z } from "zod"

import { getEnv } from "@/lib/config/env"
import { listRecentLives } from "@/lib/lives/list-recent-lives"
import { listTeacherMeetings } from "@/lib/meetings/list-teacher-meetings"
import { requestMeetingsRefresh } from "@/lib/meetings/request-meetings-refresh"

import { AutoRefresh } from "@/components/layout/auto-refresh"

import { requirePageRole } from "@/app/_lib/guards"

import { MeetingCard } from "./_components/meeting-card"
import { RecentLives } from "./_components/recent-lives"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") }
}

const searchSchema = z.object({ notice: z.enum(["requested", "alreadyRequested", "notSignalled"]).optional().catch(undefined) })

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requirePageRole("teacher", "/meetings")
  // Not awaited: the page renders what is known now; the change feed refreshes it when the sync is done.
  void requestMeetingsRefresh()
  const { notice } = searchSchema.parse(await searchParams)
  const [t, tNav, format, view, recent] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("nav"),
    getFormatter(),
    listTeacherMeetings(user),
    listRecentLives(user),
  ])
  const adminEmail = getEnv().ADMIN_EMAIL
  return (
    <section>
      <nav aria-label={tNav("breadcrumb")} className="text-sm text-slate-600">
        {t("breadcrumb")} / {t("title")}
      </nav>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 font-medium text-slate-800" data-testid="meetings-count" aria-live="polite">
        {t("count", { count: view.meetings.length })}
      </p>
      {notice && (
        <p role="status" className={notice === "notSignalled" ? "mt-4 rounded-md bg-amber-50 px-3 py-2 text-amber-900" : "mt-4 rounded-md bg-green-50 px-3 py-2 text-green-900"}>
          {t(notice)}
        </p>
      )}
      {!view.livesEnabled ? (
        <p className="mt-4 rounded-md bg-slate-100 px-3 py-2">{t("disabled")}</p>
      ) : (
        <>
          <div className="mt-4 space-y-2 text-slate-700">
            <p>{t("intro")}</p>
            <p className="rounded-md border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-amber-900">{t("warning")}</p>
            <p>{t("after")}</p>
          </div>
          {view.meetings.length === 0 ? (
            <div className="mt-6 rounded-md border border-dashed border-slate-300 bg-white p-6" data-testid="no-meetings">
              <p className="font-medium">{t("none")}</p>
              <p className="mt-2 text-sm text-slate-600">
                {view.ambiguousName
                  ? t("ambiguousHelp", { email: adminEmail })
                  : t("noneHelp", {
                      name:
                        getEnv().BBB_USERNAME_FORMAT === "last_name first_name"
                          ? `${user.lastName} ${user.firstName}`
                          : `${user.firstName} ${user.lastName}`,
                      email: adminEmail,
                    })}
              </p>
            </div>
          ) : (
            <ul className="mt-6 space-y-4">
              {view.meetings.map((m) => (
                <li key={m.id}>
                  <MeetingCard
                    meeting={m}
                    capReached={view.capReached}
                    startedAt={format.dateTime(m.sessionDate, { dateStyle: "long", timeStyle: "short" })}
                  />
                </li>
              ))}
            </ul>
          )}
          <RecentLives lives={recent} />
          <p className="mt-6 text-sm text-slate-500">{t("autoRefresh")}</p>
        </>
      )}
      <AutoRefresh />
    </section>
  )
}
