import { getFormatter, getTranslations } from "next-intl/server"

import { listMyVideos, PENDING_IMPORT_STATES, type MyImportView, type MyVideoView } from "@/lib/recordings/list-my-videos"

import { ActionButton } from "@/components/ui/action-button"
import { Badge } from "@/components/ui/badge"
import { ConfirmAction } from "@/components/ui/confirm-action"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { FlashNotice } from "@/components/ui/flash-notice"
import { LinkButton, TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"
import { SectionHeading } from "@/components/ui/section-heading"
import { RefreshWhilePending } from "@/components/videos/refresh-while-pending"
import { VideoFacts } from "@/components/videos/video-facts"
import { RenameVideoForm, VideoSharingForm } from "@/components/videos/video-settings-form"

import { readFlashMessage } from "@/app/_lib/flash"
import { requirePageRole } from "@/app/_lib/guards"
import { titleMetadata } from "@/app/_lib/title-metadata"
import { requestExternalRecordingImportAction } from "@/app/recordings/external/actions"

import { deleteVideoAction, renameVideoAction, setVideoSharingAction } from "./actions"

const PENDING: readonly string[] = PENDING_IMPORT_STATES

export const dynamic = "force-dynamic"

export const generateMetadata = titleMetadata("videos")

export default async function MyVideosPage() {
  const user = await requirePageRole("teacher", "/videos")
  const [t, tStates, tExternal, format, { videos, imports, pending }, flash] = await Promise.all([
    getTranslations("videos"),
    getTranslations("videos.importStates"),
    getTranslations("externalRecordings"),
    getFormatter(),
    listMyVideos(user),
    readFlashMessage(),
  ])
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <>
            <LinkButton href="/recordings/external" variant="secondary">
              {t("externalLink")}
            </LinkButton>
            <LinkButton href="/recordings/claim" variant="secondary">
              {t("claimLink")}
            </LinkButton>
          </>
        }
      />
      <FlashNotice flash={flash} />
      <RefreshWhilePending pending={pending} />
      {imports.length > 0 && (
        <section className="mb-6" aria-labelledby="video-imports">
          <SectionHeading id="video-imports">{t("importsTitle")}</SectionHeading>
          <p className="mb-2 text-sm text-slate-700">{t("importsHelp")}</p>
          <ul className="space-y-2" data-testid="video-imports">
            {imports.map((row: MyImportView) => (
              <li key={row.id} className="flex flex-wrap items-center gap-2 text-sm" data-testid={`video-import-${row.id}`}>
                <span className="font-medium break-words text-slate-900">{row.name}</span>
                <span className="text-slate-600">{format.dateTime(row.startAt, "date")}</span>
                <Badge tone={!row.state || PENDING.includes(row.state) ? "info" : "danger"} className="whitespace-normal!" testId="video-import-state">
                  {tStates(row.state && tStates.has(row.state) ? row.state : "NOT_IMPORTED")}
                </Badge>
                {row.canImport && (
                  <ActionButton
                    action={requestExternalRecordingImportAction}
                    fields={{ id: row.id, name: row.name }}
                    label={tExternal("import")}
                    pendingLabel={tExternal("importing")}
                    ariaLabel={tExternal("importLabel", { name: row.name })}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {videos.length === 0 ? (
        <EmptyState title={t("none")} testId="no-videos">
          {t("noneHelp")}
        </EmptyState>
      ) : (
        <DataTable<MyVideoView>
          caption={t("caption")}
          rows={videos}
          rowKey={(v) => v.id}
          rowTestId={(v) => `video-${v.id}`}
          columns={[
            {
              key: "title",
              header: t("columns.title"),
              rowHeader: true,
              cell: (v) => (
                <>
                  <span className="block font-medium break-words text-slate-900" data-testid="video-title">
                    {v.title}
                  </span>
                  <span className="mt-0.5 block text-slate-600">
                    {t(`origins.${v.origin}`)} · {format.dateTime(v.createdAt, "dateTime")}
                  </span>
                  <span className="mt-0.5 block text-slate-600">
                    <VideoFacts durationSeconds={v.durationSeconds} sizeBytes={v.sizeBytes} />
                  </span>
                </>
              ),
            },
            {
              key: "watch",
              header: t("columns.watch"),
              className: "md:w-40",
              cell: (v) =>
                v.sizeBytes === null ? (
                  <span className="text-slate-600">—</span>
                ) : (
                  <span className="flex flex-wrap gap-x-3 gap-y-1">
                    <TextLink href={`/videos/watch/${v.shareToken}`} aria-label={t("watchLabel", { title: v.title })}>
                      {t("watch")}
                    </TextLink>
                    <TextLink href={`/videos/watch/${v.shareToken}/file?download=1`} prefetch={false} aria-label={t("downloadLabel", { title: v.title })}>
                      {t("download")}
                    </TextLink>
                  </span>
                ),
            },
            {
              key: "manage",
              header: t("columns.manage"),
              className: "md:w-96",
              cell: (v) => (
                <div className="space-y-2 pt-1 md:pt-0">
                  <RenameVideoForm action={renameVideoAction} id={v.id} title={v.title} />
                  <VideoSharingForm action={setVideoSharingAction} id={v.id} sharing={v.sharing} title={v.title} />
                  <ConfirmAction
                    action={deleteVideoAction}
                    fields={{ id: v.id }}
                    label={t("delete")}
                    question={t("deleteQuestion", { title: v.title })}
                    confirmLabel={t("deleteConfirm")}
                    pendingLabel={t("deleting")}
                    testId="delete-video"
                  />
                </div>
              ),
            },
          ]}
        />
      )}
    </>
  )
}
