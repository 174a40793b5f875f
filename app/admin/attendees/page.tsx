import type { Metadata } from "next"
import Link from "next/link"
import { getFormatter, getTranslations } from "next-intl/server"

import { listAttendeesToMatch } from "@/lib/meetings/list-attendees-to-match"

import { AutoRefresh } from "@/components/layout/auto-refresh"

import { requirePageRole } from "@/app/_lib/guards"

import { AssignForm } from "./_components/assign-form"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAttendees"))("title") }
}

export default async function AttendeesToMatchPage() {
  await requirePageRole("admin", "/admin/attendees")
  const [t, tAdmin, format, rows] = await Promise.all([getTranslations("adminAttendees"), getTranslations("admin"), getFormatter(), listAttendeesToMatch()])
  return (
    <section>
      <p className="text-sm text-slate-600">
        <Link href="/admin" className="underline">
          {tAdmin("title")}
        </Link>{" "}
        / {t("title")}
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-600">{t("intro")}</p>
      {rows.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t("empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t("session")}</th>
                <th scope="col" className="px-3 py-2">{t("fullName")}</th>
                <th scope="col" className="px-3 py-2">{t("status")}</th>
                <th scope="col" className="px-3 py-2">{t("candidates")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top" data-testid={`attendee-${r.id}`}>
                  <td className="px-3 py-2">
                    <span className="font-medium">{r.meeting.name}</span>
                    <br />
                    <span className="text-slate-600">{format.dateTime(r.meeting.sessionDate, { dateStyle: "medium", timeStyle: "short" })}</span>
                  </td>
                  <td className="px-3 py-2">{r.fullName}</td>
                  <td className="px-3 py-2">{t(r.matchStatus)}</td>
                  <td className="px-3 py-2">
                    <AssignForm attendeeId={r.id} candidates={r.candidates.map((c) => ({ username: c.username, name: c.name }))} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AutoRefresh />
    </section>
  )
}
