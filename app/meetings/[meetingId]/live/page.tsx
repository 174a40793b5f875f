import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { getFormatter, getTranslations } from "next-intl/server"
import { z } from "zod"

import { getLiveRequestForm } from "@/lib/meetings/get-live-request-form"

import { requirePageRole } from "@/app/_lib/guards"

import { RequestLiveForm } from "./_components/request-live-form"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("liveRequest"))("breadcrumb") }
}

const paramsSchema = z.object({ meetingId: z.coerce.number().int().positive() })

export default async function RequestLivePage({ params }: { params: Promise<{ meetingId: string }> }) {
  const parsed = paramsSchema.safeParse(await params)
  if (!parsed.success) notFound()
  const user = await requirePageRole("teacher", `/meetings/${parsed.data.meetingId}/live`)
  const form = await getLiveRequestForm(parsed.data.meetingId, user)
  if (!form) notFound()
  const [t, tNav, tMeetings, tErrors, format] = await Promise.all([
    getTranslations("liveRequest"),
    getTranslations("nav"),
    getTranslations("meetings"),
    getTranslations("errors"),
    getFormatter(),
  ])
  return (
    <section className="max-w-3xl">
      <nav aria-label={tNav("breadcrumb")} className="text-sm text-slate-600">
        <Link href="/meetings" className="underline">
          {tMeetings("breadcrumb")}
        </Link>{" "}
        / {t("breadcrumb")}
      </nav>
      {form.refusal === "NOT_A_MODERATOR" ? (
        <div className="mt-4" role="alert">
          <h1 className="text-2xl font-semibold">{t("refused")}</h1>
          <p className="mt-2 rounded-md bg-red-50 px-3 py-2 text-red-800">{tErrors("NOT_A_MODERATOR")}</p>
        </div>
      ) : (
        <>
          <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-slate-700">
            {t("meeting", { name: form.meeting.name, date: format.dateTime(form.meeting.sessionDate, { dateStyle: "long", timeStyle: "short" }) })}
          </p>
          {form.refusal ? (
            <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-red-800" data-testid="refusal">
              {form.refusal === "LIVE_CAP_REACHED" ? tMeetings("busy") : tErrors(form.refusal)}
            </p>
          ) : (
            <RequestLiveForm meetingId={form.meeting.id} showDownloadOption={form.showDownloadOption} />
          )}
        </>
      )}
      <Link href="/meetings" className="mt-6 inline-block text-brand-700 underline">
        {t("back")}
      </Link>
    </section>
  )
}
