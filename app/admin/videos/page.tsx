import { getFormatter, getTranslations } from "next-intl/server"

import { listAllVideos, type AdminVideoView } from "@/lib/recordings/list-all-videos"

import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { FlashNotice } from "@/components/ui/flash-notice"
import { TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"
import { VideoFacts } from "@/components/videos/video-facts"
import { ReassignVideoForm } from "@/components/videos/video-settings-form"

import { readFlashMessage } from "@/app/_lib/flash"
import { requirePageRole } from "@/app/_lib/guards"
import { titleMetadata } from "@/app/_lib/title-metadata"

import { reassignVideoAction } from "./actions"

export const dynamic = "force-dynamic"

export const generateMetadata = titleMetadata("adminVideos")

export default async function AdminVideosPage() {
  await requirePageRole("admin", "/admin/videos")
  const [t, tv, format, videos, flash] = await Promise.all([getTranslations("adminVideos"), getTranslations("videos"), getFormatter(), listAllVideos(), readFlashMessage()])
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <FlashNotice flash={flash} />
      {videos.length === 0 ? (
        <EmptyState title={tv("none")} testId="no-videos" />
      ) : (
        <DataTable<AdminVideoView>
          caption={t("title")}
          rows={videos}
          rowKey={(v) => v.id}
          rowTestId={(v) => `admin-video-${v.id}`}
          columns={[
            {
              key: "title",
              header: tv("columns.title"),
              rowHeader: true,
              cell: (v) => (
                <>
                  <TextLink href={`/videos/watch/${v.shareToken}`} className="block font-medium break-words">
                    {v.title}
                  </TextLink>
                  <span className="mt-0.5 block text-slate-600">
                    {tv(`origins.${v.origin}`)} · {format.dateTime(v.createdAt, "dateTime")} · {tv(`sharing.${v.sharing}`)}
                  </span>
                  <span className="mt-0.5 block text-slate-600">
                    <VideoFacts durationSeconds={v.durationSeconds} sizeBytes={v.sizeBytes} />
                  </span>
                </>
              ),
            },
            {
              key: "owner",
              header: t("owner"),
              className: "md:w-56",
              cell: (v) => (
                <span data-testid="video-owner">
                  {v.owner.firstName} {v.owner.lastName} <span className="text-slate-600">({v.owner.username})</span>
                </span>
              ),
            },
            { key: "reassign", header: t("reassign"), className: "md:w-80", cell: (v) => <ReassignVideoForm action={reassignVideoAction} id={v.id} title={v.title} /> },
          ]}
        />
      )}
    </>
  )
}
