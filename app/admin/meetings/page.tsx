import { getFormatter, getTranslations } from "next-intl/server"

import type { RawSearchParams } from "@/lib/lists/list-params"
import { listAdminMeetings, type AdminMeetingRow } from "@/lib/meetings/list-admin-meetings"
import { ADMIN_MEETING_SORTS, adminMeetingsParamsSchema, MEETING_STATES } from "@/lib/meetings/schemas"

import { AdminList } from "@/components/admin/admin-list"
import { Badge } from "@/components/ui/badge"
import { TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminListParams } from "@/app/admin/_lib/page-params"

export const dynamic = "force-dynamic"

const BASE = "/admin/meetings"

export const generateMetadata = titleMetadata("adminMeetings")

export default async function AdminMeetingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await readAdminListParams(BASE, adminMeetingsParamsSchema, searchParams)
  const [t, tk, format, list] = await Promise.all([getTranslations("adminMeetings"), getTranslations("adminToolkit"), getFormatter(), listAdminMeetings(params)])
  const date = (d: Date) => format.dateTime(d, "dateTime")
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <AdminList<AdminMeetingRow, (typeof ADMIN_MEETING_SORTS)[number]>
        basePath={BASE}
        params={params}
        toolbar={{
          search: { label: t("search"), placeholder: t("searchPlaceholder") },
          filters: [
            { kind: "select", name: "state", label: t("state"), anyLabel: tk("any"), options: MEETING_STATES.map((s) => ({ value: s, label: t(s) })) },
            { kind: "select", name: "recorded", label: t("recorded"), anyLabel: tk("any"), options: [{ value: "yes", label: tk("yes") }, { value: "no", label: tk("no") }] },
            { kind: "date", name: "from", label: t("from") },
            { kind: "date", name: "to", label: t("to") },
          ],
          sorts: ADMIN_MEETING_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) })),
        }}
        firstDir={(column) => (column === "name" ? "asc" : "desc")}
        empty={{ testId: "no-meetings" }}
        list={list}
        caption={t("caption")}
        rowTestId={(r) => `admin-meeting-${r.id}`}
        columns={[
          { key: "id", header: t("id"), sortBy: "id", cell: (r) => `#${r.id}` },
          { key: "sessionDate", header: t("sessionDate"), sortBy: "sessionDate", cell: (r) => date(r.sessionDate) },
          {
            key: "name",
            header: t("name"),
            sortBy: "name",
            rowHeader: true,
            className: "md:w-1/4",
            cell: (r) => (
              <>
                <TextLink href={`${BASE}/${r.id}`} className="break-words">
                  {r.name}
                </TextLink>
                {r.isBreakout && (
                  <span className="ml-2">
                    <Badge tone="neutral">{t("breakout")}</Badge>
                  </span>
                )}
              </>
            ),
          },
          { key: "meetingId", header: t("meetingId"), className: "md:w-1/5", cell: (r) => <span className="break-all">{r.meetingId}</span> },
          { key: "state", header: t("state"), cell: (r) => <Badge tone={r.endedAt ? "neutral" : "success"}>{r.endedAt ? t("ended") : t("running")}</Badge> },
          { key: "recorded", header: t("recorded"), cell: (r) => (r.recorded ? tk("yes") : tk("no")) },
          { key: "participants", header: t("participants"), cell: (r) => t("participantCount", { participants: r.participantCount, moderators: r.moderatorCount }) },
          { key: "lastSeen", header: t("lastSeen"), sortBy: "lastSeenRunningAt", cell: (r) => date(r.lastSeenRunningAt) },
        ]}
      />
    </>
  )
}
