import type { Metadata } from "next"
import { notFound, redirect } from "next/navigation"
import { getFormatter, getTranslations } from "next-intl/server"
import { cache } from "react"

import { getCurrentUser } from "@/lib/auth/session"
import { isAppError } from "@/lib/errors"
import { findViewableLive, type ViewableLive } from "@/lib/lives/find-viewable-live"

import { LiveChatSection } from "@/components/lives/live-chat-section"
import { Badge } from "@/components/ui/badge"
import { PageHeader } from "@/components/ui/page-header"

import { loginUrl } from "@/app/_lib/guards"
import { isMembersRender } from "@/app/_lib/shared-render"

import { LivePlayer } from "./_components/live-player"
import { LiveViewerCount } from "./_components/live-viewer-count"

export const dynamic = "force-dynamic"

const POSTER = "/live-poster.svg"

/** The live, or the sign-in page (restricted live, anonymous visitor, back here after), or a 404. */
const loadLive = cache(async (slug: string): Promise<ViewableLive> => {
  const user = await getCurrentUser()
  try {
    return await findViewableLive(slug, user)
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") redirect(loginUrl(`/lives/${encodeURIComponent(slug)}`))
    if (isAppError(error) && error.code === "NOT_FOUND") notFound()
    throw error
  }
})

/**
 * A restricted live's playlist goes through our access check (app/api/lives/[slug]/playlist); a
 * public one is played straight from the HLS server, which scales with the audience.
 */
function playlistUrl(live: ViewableLive): string {
  return live.isRestricted ? `/api/lives/${encodeURIComponent(live.slug)}/playlist` : live.hlsUrl
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const live = await loadLive((await params).slug)
  return { title: live.title, robots: live.isRestricted ? { index: false } : undefined }
}

export default async function LivePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const [live, user, members, t, tLives, format] = await Promise.all([
    loadLive(slug),
    getCurrentUser(),
    isMembersRender(),
    getTranslations("livePage"),
    getTranslations("lives"),
    getFormatter(),
  ])
  return (
    <>
      <PageHeader title={<span className="break-words">{live.title}</span>} back={{ href: "/lives", label: tLives("title") }}>
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:flex sm:flex-wrap">
          <div className="flex gap-1.5">
            <dt className="font-medium text-slate-600">{t("session")}</dt>
            <dd className="min-w-0 break-words">{live.meetingName}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="font-medium text-slate-600">{t("date")}</dt>
            <dd>{format.dateTime(live.sessionDate, { dateStyle: "long", timeStyle: "short" })}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="font-medium text-slate-600">{t("teacher")}</dt>
            <dd>{live.teacherName}</dd>
          </div>
        </dl>
        {/* The address is the session's (lib/lives/create-live-broadcaster.ts): say which live it shows. */}
        <p className="mt-2 text-sm text-slate-600" data-testid="live-address-note">
          {t("sharedAddress")}
        </p>
      </PageHeader>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <LiveViewerCount slug={live.slug} />
        {live.isRestricted && <Badge tone="warning">{t("restricted")}</Badge>}
      </div>
      <LivePlayer slug={live.slug} src={playlistUrl(live)} poster={POSTER} initialStatus={live.status} />
      {live.enableChat && (
        <div className="mt-6">
          {/* A members' render is the same for every member: nothing of this one in it. */}
          <LiveChatSection live={live} viewer={members && user ? "member" : user} />
        </div>
      )}
    </>
  )
}
