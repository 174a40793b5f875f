import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { listExternalRecordings, type ExternalRecordingView } from "@/lib/recordings/list-external-recordings"

import { ActionButton } from "@/components/ui/action-button"
import { ConfirmAction } from "@/components/ui/confirm-action"
import { Badge, type BadgeTone } from "@/components/ui/badge"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { FlashNotice } from "@/components/ui/flash-notice"
import { LinkButton, TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { requirePageRole } from "@/app/_lib/guards"

import { AddExternalRecordingForm } from "./_components/add-external-recording-form"
import { deleteExternalRecordingAction, requestExternalRecordingImportAction } from "./actions"

const STATE_TONE = { IMPORT_QUEUED: "info", IMPORTED: "success", CONVERSION_QUEUED: "info", IMPORT_FAILED: "danger", IMPORT_REFUSED: "danger", IMPORT_NO_SPACE: "danger" } as const satisfies Record<string, BadgeTone>
type ImportState = keyof typeof STATE_TONE
const isImportState = (state: string | null): state is ImportState => state !== null && state in STATE_TONE

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("externalRecordings"))("title") }
}

export default async function ExternalRecordingsPage() {
  const user = await requirePageRole("teacher", "/recordings/external")
  const [t, format, recordings, flash] = await Promise.all([getTranslations("externalRecordings"), getFormatter(), listExternalRecordings(user), readFlashMessage()])
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <LinkButton href="/recordings/claim" variant="secondary">
            {t("claimLink")}
          </LinkButton>
        }
      />
      <FlashNotice flash={flash} />
      {recordings.length === 0 ? (
        <EmptyState title={t("none")} testId="no-external-recordings">
          {t("noneHelp")}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm font-medium text-slate-700" data-testid="external-count">
            {t("count", { count: recordings.length })}
          </p>
          <DataTable<ExternalRecordingView>
            caption={t("caption")}
            rows={recordings}
            rowKey={(r) => r.id}
            rowTestId={(r) => `external-${r.id}`}
            columns={[
              {
                key: "name",
                header: t("columns.name"),
                rowHeader: true,
                cell: (r) => (
                  <>
                    <span className="block font-medium break-words text-slate-900">{r.name}</span>
                    <span className="mt-0.5 block text-slate-600">
                      {t(`types.${r.type}`)} ·{" "}
                      <TextLink href={r.sourceUrl} target="_blank" rel="noopener noreferrer" aria-label={t("openLabel", { name: r.name })}>
                        {t("open")}
                      </TextLink>
                    </span>
                  </>
                ),
              },
              {
                key: "state",
                header: t("columns.state"),
                className: "md:w-64",
                cell: (r) =>
                  isImportState(r.state) ? (
                    <Badge tone={STATE_TONE[r.state]} testId="external-state" className="whitespace-normal!">
                      {t(`states.${r.state}`)}
                    </Badge>
                  ) : (
                    <span className="text-slate-600" data-testid="external-state">
                      {t("notUploaded")}
                    </span>
                  ),
              },
              { key: "date", header: t("columns.date"), className: "md:w-44 md:whitespace-nowrap", cell: (r) => format.dateTime(r.startAt, "dateTime") },
              {
                key: "actions",
                header: t("columns.actions"),
                className: "md:w-56",
                cell: (r) => (
                  <div className="flex flex-wrap gap-2 pt-1 md:pt-0">
                    {r.canImport && (
                      <ActionButton
                        action={requestExternalRecordingImportAction}
                        fields={{ id: r.id, name: r.name }}
                        label={t("import")}
                        pendingLabel={t("importing")}
                        ariaLabel={t("importLabel", { name: r.name })}
                      />
                    )}
                    <ConfirmAction
                      action={deleteExternalRecordingAction}
                      fields={{ id: r.id, name: r.name }}
                      label={t("delete")}
                      question={t("deleteQuestion", { name: r.name })}
                      confirmLabel={t("deleteConfirm")}
                      pendingLabel={t("deleting")}
                      ariaLabel={t("deleteLabel", { name: r.name })}
                    />
                  </div>
                ),
              },
            ]}
          />
        </>
      )}
      <AddExternalRecordingForm />
    </>
  )
}
