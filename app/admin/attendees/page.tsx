import { getFormatter, getTranslations } from "next-intl/server"

import type { RawSearchParams } from "@/lib/lists/list-params"
import { listAdminAttendees, type AdminAttendeeRow } from "@/lib/meetings/list-admin-attendees"
import { adminAttendeesParamsSchema, MATCH_STATUSES } from "@/lib/meetings/schemas"

import { AdminList, idColumn } from "@/components/admin/admin-list"
import { AutoRefresh } from "@/components/layout/auto-refresh"
import { Badge } from "@/components/ui/badge"
import { FlashNotice } from "@/components/ui/flash-notice"
import { Help } from "@/components/ui/help"
import { TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminListParams } from "@/app/admin/_lib/page-params"

import { AssignForm } from "./_components/assign-form"
import { MATCH_TONES } from "./_components/match-tones"

export const dynamic = "force-dynamic"

const BASE = "/admin/attendees"

export const generateMetadata = titleMetadata("adminAttendees")

export default async function AdminAttendeesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await readAdminListParams(BASE, adminAttendeesParamsSchema, searchParams)
  const [t, tAdmin, tk, format, list, flash] = await Promise.all([
    getTranslations("adminAttendees"),
    getTranslations("admin"),
    getTranslations("adminToolkit"),
    getFormatter(),
    listAdminAttendees(params),
    readFlashMessage(),
  ])
  const unfiltered = params.state === "toMatch" && !params.q && !params.role
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} back={{ href: "/admin", label: tAdmin("title") }}>
        <div className="mt-4 max-w-prose">
          <Help summary={t("helpSummary")}>
            <p>{t("helpMatch")}</p>
            <p>{t("helpManual")}</p>
          </Help>
        </div>
      </PageHeader>
      <FlashNotice flash={flash} />
      <AdminList<AdminAttendeeRow>
        basePath={BASE}
        params={params}
        toolbar={{
          search: { label: t("search") },
          filters: [
            {
              kind: "select",
              name: "state",
              label: t("state"),
              anyLabel: t("states.toMatch"),
              options: [{ value: "all", label: t("states.all") }, ...MATCH_STATUSES.map((s) => ({ value: s, label: t(`states.${s}`) }))],
            },
            { kind: "select", name: "role", label: t("role"), anyLabel: tk("any"), options: (["MODERATOR", "VIEWER"] as const).map((r) => ({ value: r, label: t(`roles.${r}`) })) },
          ],
          sorts: [
            { value: "id", label: t("id") },
            { value: "fullName", label: t("fullName") },
            { value: "role", label: t("role") },
            { value: "session", label: t("session") },
            { value: "state", label: t("state") },
          ],
        }}
        empty={unfiltered ? { testId: "no-attendees", title: t("empty"), help: t("emptyHelp") } : { testId: "no-attendees" }}
        list={list}
        caption={t("caption")}
        rowTestId={(r) => `attendee-${r.id}`}
        columns={[
          idColumn(t("id")),
          {
            key: "fullName",
            header: t("fullName"),
            sortBy: "fullName",
            rowHeader: true,
            className: "md:w-1/6",
            cell: (r) => (
              <>
                <span className="block font-medium break-words text-slate-900">{r.fullName}</span>
                <span className="text-slate-600">{t(`roles.${r.role}`)}</span>
              </>
            ),
          },
          {
            key: "username",
            header: t("username"),
            cell: (r) => <span className="break-all text-slate-700">{[r.extUserId, r.bbbUserId].filter(Boolean).join(" · ") || "—"}</span>,
          },
          {
            key: "session",
            header: t("session"),
            sortBy: "session",
            className: "md:w-1/6",
            cell: (r) => (
              <>
                <span className="block break-words">{r.meeting.name}</span>
                <span className="text-slate-600">{format.dateTime(r.meeting.sessionDate, "dateTime")}</span>
              </>
            ),
          },
          {
            key: "state",
            header: t("state"),
            sortBy: "state",
            cell: (r) => (
              <span className="space-y-1">
                <Badge tone={MATCH_TONES[r.matchStatus]}>{t(`states.${r.matchStatus}`)}</Badge>
                {r.user && (
                  <span className="block break-words" data-testid="attendee-user">
                    {r.user.name} <span className="text-slate-600">({r.user.username})</span>
                  </span>
                )}
              </span>
            ),
          },
          {
            key: "actions",
            header: t("actions"),
            className: "md:w-1/3",
            cell: (r) => (
              <div className="space-y-2">
                {r.role === "MODERATOR" && (r.matchStatus === "UNMATCHED" || r.matchStatus === "AMBIGUOUS") && !r.leftAt && !r.meeting.endedAt && (
                  <AssignForm
                    attendeeId={r.id}
                    ambiguous={r.matchStatus === "AMBIGUOUS"}
                    candidates={r.candidates.map((c) => ({ username: c.username, name: c.name, email: c.email, role: c.role }))}
                  />
                )}
                <TextLink href={`${BASE}/${r.id}`}>
                  {t("change")}
                  <span className="sr-only"> : {r.fullName}</span>
                </TextLink>
              </div>
            ),
          },
        ]}
      />
      <AutoRefresh />
    </>
  )
}
