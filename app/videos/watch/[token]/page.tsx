import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getFormatter, getTranslations } from "next-intl/server"

import { getCurrentUser } from "@/lib/auth/session"
import { isAppError } from "@/lib/errors"
import { findWatchableVideo } from "@/lib/recordings/find-watchable-video"

import { LinkButton } from "@/components/ui/link-button"
import { Notice } from "@/components/ui/notice"
import { PageHeader } from "@/components/ui/page-header"
import { VideoFacts } from "@/components/videos/video-facts"
import { VideoPlayer } from "@/components/videos/video-player"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("videos"))("watchTitle"), robots: { index: false } }
}

async function load(token: string) {
  try {
    return await findWatchableVideo(token, await getCurrentUser())
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound()
    throw error
  }
}

export default async function WatchVideoPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const [result, t, format] = await Promise.all([load(token), getTranslations("videos"), getFormatter()])
  if (result.removed) {
    return (
      <>
        <PageHeader title={t("watchTitle")} />
        <Notice tone="warning" title={t("removed")} testId="video-removed">
          {t("removedHelp")}
        </Notice>
      </>
    )
  }
  const { video } = result
  return (
    <>
      <PageHeader
        title={video.title}
        description={`${t(`origins.${video.origin}`)} · ${format.dateTime(video.createdAt, "dateTime")} · ${video.owner.firstName} ${video.owner.lastName}`}
        actions={
          video.canManage ? (
            <LinkButton href="/videos" variant="secondary">
              {t("backToList")}
            </LinkButton>
          ) : undefined
        }
      />
      {video.sizeBytes === null ? (
        <Notice tone="error" title={t("fileMissing")} testId="video-file-missing">
          {t("fileMissingHelp")}
        </Notice>
      ) : (
        <div className="space-y-2">
          <VideoPlayer src={`/videos/watch/${token}/file`} title={video.title} />
          <p className="text-sm text-slate-700">
            <VideoFacts durationSeconds={video.durationSeconds} sizeBytes={video.sizeBytes} />
          </p>
        </div>
      )}
    </>
  )
}
