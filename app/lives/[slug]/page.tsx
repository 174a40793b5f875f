import type { Metadata } from "next"
import { headers } from "next/headers"
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

import { FramedSignIn } from "./_components/framed-sign-in"
import { LiveStage } from "./_components/live-stage"

export const dynamic = "force-dynamic"

const POSTER = "/live-poster.svg"

/** A restricted live asked without a session from inside a frame: no sign-in there (see FramedSignIn). */
type FramedSignInNeeded = { framedSignIn: true; slug: string }

/**
 * The live, or the sign-in page (restricted live, anonymous visitor, back here after), or a 404.
 * Inside a frame (the browser says so: Sec-Fetch-Dest), no redirect to a sign-in page that refuses
 * framing: the page offers to open the live in a new tab. The nginx front never caches such an
 * answer (its access check sends an anonymous visitor of a restricted live straight to the app).
 */
const loadLive = cache(async (slug: string): Promise<ViewableLive | FramedSignInNeeded> => {
  const user = await getCurrentUser()
  try {
    return await findViewableLive(slug, user)
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") {
      if ((await headers()).get("sec-fetch-dest") === "iframe") return { framedSignIn: true, slug }
      redirect(loginUrl(`/lives/${encodeURIComponent(slug)}`))
    }
    if (isAppError(error) && error.code === "NOT_FOUND") notFound()
    throw error
  }
})

function needsFramedSignIn(loaded: ViewableLive | FramedSignInNeeded): loaded is FramedSignInNeeded {
  return "framedSignIn" in loaded
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const live = await loadLive((await params).slug)
  if (needsFramedSignIn(live)) return { title: (await getTranslations("livePage"))("framedTitle"), robots: { index: false } }
  return { title: live.title, robots: live.isRestricted ? { index: false } : undefined }
}

export default async function LivePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const [loaded, user, members, t, tLives, format] = await Promise.all([
    loadLive(slug),
    getCurrentUser(),
    isMembersRender(),
    getTranslations("livePage"),
    getTranslations("lives"),
    getFormatter(),
  ])
  if (needsFramedSignIn(loaded)) {
    const livePath = `/lives/${encodeURIComponent(loaded.slug)}`
    return <FramedSignIn livePath={livePath} loginPath={loginUrl(livePath)} />
  }
  const live = loaded
  return (
    <>
      <PageHeader title={<span className="break-words">{live.title}</span>} back={{ href: "/lives", label: tLives("title") }}>
        {/* The title is the session's name (lib: broadcasterDisplayName); then when and who. */}
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
          <div className="flex gap-1.5">
            <dt className="font-medium text-slate-600">{t("date")}</dt>
            <dd>{format.dateTime(live.sessionDate, "dateTime")}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="font-medium text-slate-600">{t("teacher")}</dt>
            <dd>{live.teacherName}</dd>
          </div>
        </dl>
        {/* The address is the session's (lib/lives/attach-live-broadcaster.ts): say which live it shows. */}
        <p className="mt-1 text-sm text-slate-600" data-testid="live-address-note">
          {t("sharedAddress")}
        </p>
      </PageHeader>
      <LiveStage
        player={{
          slug: live.slug,
          src: live.playlistUrl ?? "",
          poster: POSTER,
          initialStatus: live.status,
          badges: live.isRestricted ? <Badge tone="warning">{t("restricted")}</Badge> : null,
        }}
        // A members' render is the same for every member: nothing of this one in it.
        chat={live.enableChat ? <LiveChatSection live={live} viewer={members && user ? "member" : user} /> : null}
      />
    </>
  )
}
