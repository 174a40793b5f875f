import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { listAttendeesToMatch, type AttendeeToMatch } from "@/lib/meetings/list-attendees-to-match"

import { AutoRefresh } from "@/components/layout/auto-refresh"
import { Badge } from "@/components/ui/badge"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { FlashNotice } from "@/components/ui/flash-notice"
import { Help } from "@/components/ui/help"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { requirePageRole } from "@/app/_lib/guards"

import { AssignForm } from "./_components/assign-form"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAttendees"))("title") }
}

export default async function AttendeesToMatchPage() {
  await requirePageRole("admin", "/admin/attendees")
  const [t, tAdmin, format, rows, flash] = await Promise.all([
    getTranslations("adminAttendees"),
    getTranslations("admin"),
    getFormatter(),
    listAttendeesToMatch(),
    readFlashMessage(),
  ])
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
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} testId="no-attendees">
          {t("emptyHelp")}
        </EmptyState>
      ) : (
        <DataTable<AttendeeToMatch>
          caption={t("caption")}
          rows={rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `attendee-${r.id}`}
          columns={[
            {
              key: "fullName",
              header: t("fullName"),
              className: "md:w-1/5",
              cell: (r) => <span className="font-medium break-words text-slate-900">{r.fullName}</span>,
            },
            {
              key: "status",
              header: t("status"),
              className: "md:w-32",
              cell: (r) => <Badge tone={r.matchStatus === "AMBIGUOUS" ? "warning" : "neutral"}>{t(r.matchStatus)}</Badge>,
            },
            {
              key: "session",
              header: t("session"),
              className: "md:w-1/4",
              cell: (r) => (
                <>
                  <span className="block break-words">{r.meeting.name}</span>
                  <span className="text-slate-600">{format.dateTime(r.meeting.sessionDate, { dateStyle: "medium", timeStyle: "short" })}</span>
                </>
              ),
            },
            {
              key: "candidates",
              header: t("candidates"),
              cell: (r) => (
                <AssignForm
                  attendeeId={r.id}
                  ambiguous={r.matchStatus === "AMBIGUOUS"}
                  candidates={r.candidates.map((c) => ({ username: c.username, name: c.name, email: c.email }))}
                />
              ),
            },
          ]}
        />
      )}
      <AutoRefresh />
    </>
  )
}
