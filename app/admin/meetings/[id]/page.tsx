import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getFormatter, getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { z } from "zod"

import { parseListParams } from "@/lib/lists/list-params"
import { listAdminLives, type AdminLiveRow } from "@/lib/lives/list-admin-lives"
import { adminLivesParamsSchema } from "@/lib/lives/schemas"
import { getAdminMeeting, type AdminMeeting } from "@/lib/meetings/get-admin-meeting"

import { Badge } from "@/components/ui/badge"
import { SectionCard } from "@/components/ui/card"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { TextLink } from "@/components/ui/link-button"
import { LiveStatusBadge } from "@/components/ui/live-status-badge"
import { PageHeader } from "@/components/ui/page-header"
import { SectionHeading } from "@/components/ui/section-heading"

import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

const idSchema = z.coerce.number().int().positive().max(2_147_483_647)

type AttendeeRow = AdminMeeting["attendees"][number]

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("adminMeetings"))("detailTitle", { id: (await params).id }) }
}

export default async function AdminMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params
  await requirePageRole("admin", `/admin/meetings/${rawId}`)
  const id = idSchema.safeParse(rawId)
  if (!id.success) notFound()
  const [t, tk, tLives, tMatch, format, meeting, lives] = await Promise.all([
    getTranslations("adminMeetings"),
    getTranslations("adminToolkit"),
    getTranslations("adminLives"),
    getTranslations("adminMeetings.match"),
    getFormatter(),
    getAdminMeeting(id.data),
    listAdminLives(parseListParams(adminLivesParamsSchema, { meeting: String(id.data), sort: "requestedAt", dir: "desc" }), { all: true }),
  ])
  if (!meeting) notFound()
  const date = (d: Date | null) => (d ? format.dateTime(d, "dateTime") : "—")
  const facts: [string, ReactNode][] = [
    [t("sessionDate"), date(meeting.sessionDate)],
    [t("meetingId"), <span key="m" className="break-all">{meeting.meetingId}</span>],
    [t("internalMeetingId"), <span key="i" className="break-all">{meeting.internalMeetingId}</span>],
    [t("state"), <Badge key="s" tone={meeting.endedAt ? "neutral" : "success"}>{meeting.endedAt ? t("endedOn", { date: date(meeting.endedAt) }) : t("running")}</Badge>],
    [t("recorded"), meeting.recorded ? tk("yes") : tk("no")],
    [t("breakout"), meeting.isBreakout ? t("breakoutOf", { parent: meeting.parentMeetingId ?? "—" }) : tk("no")],
    [t("participants"), t("participantCount", { participants: meeting.participantCount, moderators: meeting.moderatorCount })],
    [t("lastSeen"), date(meeting.lastSeenRunningAt)],
  ]
  return (
    <>
      <PageHeader title={t("detailTitle", { id: meeting.id })} description={meeting.name} back={{ href: "/admin/meetings", label: t("title") }} />
      <SectionCard id="meeting-facts-title" title={t("facts")} className="mb-8">
        <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd className="min-w-0 break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </SectionCard>

      <section aria-labelledby="meeting-lives-title" className="mb-8">
        <SectionHeading id="meeting-lives-title" className="mb-3">
          {t("lives", { count: lives.total })}
        </SectionHeading>
        {lives.total === 0 ? (
          <EmptyState title={t("noLives")} testId="meeting-no-lives" />
        ) : (
          <DataTable<AdminLiveRow>
            caption={t("livesCaption")}
            rows={lives.rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `meeting-live-${r.id}`}
            columns={[
              { key: "id", header: tLives("id"), rowHeader: true, cell: (r) => <TextLink href={`/admin/lives/${r.id}`} aria-label={tLives("open", { id: r.id })}>{`#${r.id}`}</TextLink> },
              { key: "status", header: tLives("status"), cell: (r) => <LiveStatusBadge status={r.status} testId="admin-live-status" /> },
              { key: "startedAt", header: tLives("startedAt"), cell: (r) => date(r.startedAt) },
              { key: "endedAt", header: tLives("endedAt"), cell: (r) => date(r.endedAt) },
              { key: "user", header: tLives("user"), cell: (r) => r.requestedBy.name },
              { key: "server", header: tLives("server"), cell: (r) => r.serverLabel ?? "—" },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="meeting-attendees-title">
        <SectionHeading id="meeting-attendees-title" className="mb-3">
          {t("attendees", { count: meeting.attendees.length })}
        </SectionHeading>
        {meeting.attendees.length === 0 ? (
          <EmptyState title={t("noAttendees")} testId="meeting-no-attendees" />
        ) : (
          <DataTable<AttendeeRow>
            caption={t("attendeesCaption")}
            rows={meeting.attendees}
            rowKey={(r) => r.id}
            rowTestId={(r) => `meeting-attendee-${r.id}`}
            columns={[
              { key: "fullName", header: t("fullName"), rowHeader: true, cell: (r) => <span className="break-words">{r.fullName}</span> },
              { key: "role", header: t("role"), cell: (r) => (r.role === "MODERATOR" ? t("moderator") : t("viewer")) },
              {
                key: "user",
                header: t("matchedUser"),
                cell: (r) => (r.user ? `${r.user.firstName} ${r.user.lastName} (${r.user.username})` : <span className="text-slate-500">—</span>),
              },
              { key: "match", header: t("matchStatus"), cell: (r) => <Badge tone={r.matchStatus === "AMBIGUOUS" ? "warning" : r.matchStatus === "UNMATCHED" ? "neutral" : "success"}>{tMatch(r.matchStatus)}</Badge> },
              { key: "presence", header: t("presence"), cell: (r) => (r.leftAt ? t("leftAt", { date: date(r.leftAt) }) : t("present")) },
            ]}
          />
        )}
      </section>
    </>
  )
}
