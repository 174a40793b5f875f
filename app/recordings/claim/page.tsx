import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { listClaimableRecordings, type ClaimableRecordingView } from "@/lib/recordings/list-claimable-recordings"

import { ActionButton } from "@/components/ui/action-button"
import { Badge } from "@/components/ui/badge"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { FlashNotice } from "@/components/ui/flash-notice"
import { LinkButton } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { requirePageRole } from "@/app/_lib/guards"

import { claimRecordingAction } from "./actions"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("claim"))("title") }
}

export default async function ClaimPage() {
  await requirePageRole("teacher", "/recordings/claim")
  const [t, tStates, format, recordings, flash] = await Promise.all([getTranslations("claim"), getTranslations("videos.importStates"), getFormatter(), listClaimableRecordings(), readFlashMessage()])
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <>
            <LinkButton href="/videos" variant="secondary">
              {t("videosLink")}
            </LinkButton>
            <LinkButton href="/recordings/external" variant="secondary">
              {t("externalLink")}
            </LinkButton>
          </>
        }
      />
      <FlashNotice flash={flash} />
      {recordings.length === 0 ? (
        <EmptyState title={t("none")} testId="no-claimable-recordings">
          {t("noneHelp")}
        </EmptyState>
      ) : (
        <DataTable<ClaimableRecordingView>
          caption={t("caption")}
          rows={recordings}
          rowKey={(r) => r.id}
          rowTestId={(r) => `claimable-${r.id}`}
          columns={[
            { key: "title", header: t("columns.title"), rowHeader: true, cell: (r) => <span className="font-medium break-words text-slate-900">{r.title}</span> },
            {
              key: "date",
              header: t("columns.date"),
              className: "md:w-52",
              cell: (r) => (r.startAt ? format.dateTime(r.startAt, "dateTime") : <span className="text-slate-600">{t("undated")}</span>),
            },
            { key: "recorder", header: t("columns.recorder"), className: "md:w-40", cell: (r) => r.recorderName ?? t("recorderUnnamed", { id: r.recorder }) },
            {
              key: "action",
              header: t("columns.action"),
              className: "md:w-48",
              cell: (r) => (r.status === "CONVERTING" ? <Badge tone="info" className="whitespace-normal!">{tStates("CONVERSION_QUEUED")}</Badge> : <ActionButton action={claimRecordingAction} fields={{ id: r.id }} label={t("claim")} pendingLabel={t("claiming")} ariaLabel={t("claimLabel", { title: r.title })} />),
            },
          ]}
        />
      )}
    </>
  )
}
