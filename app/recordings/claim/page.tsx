import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"
import { z } from "zod"

import { listClaimableRecordings } from "@/lib/recordings/list-claimable-recordings"

import { TextLink } from "@/components/ui/link-button"

import { requirePageRole } from "@/app/_lib/guards"

import { ClaimButton } from "./_components/claim-button"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("claim"))("title") }
}

const searchSchema = z.object({ notice: z.enum(["claimed"]).optional().catch(undefined) })

export default async function ClaimPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageRole("teacher", "/recordings/claim")
  const { notice } = searchSchema.parse(await searchParams)
  const [t, format, recordings] = await Promise.all([getTranslations("claim"), getFormatter(), listClaimableRecordings()])
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <p className="mt-2">
        <TextLink href="/recordings/external">{t("externalLink")}</TextLink>
      </p>
      {notice && (
        <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-green-900">
          {t(notice)}
        </p>
      )}
      {recordings.length === 0 ? (
        <p className="mt-4 rounded-md border border-dashed border-slate-300 bg-white p-6">{t("none")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("columns.title")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.date")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.recorder")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {recordings.map((recording) => (
                <tr key={recording.id} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-2 font-medium">{recording.title}</th>
                  <td className="px-3 py-2">{recording.startAt ? format.dateTime(recording.startAt, { dateStyle: "long", timeStyle: "short" }) : t("undated")}</td>
                  <td className="px-3 py-2">{recording.recorder}</td>
                  <td className="px-3 py-2">
                    {recording.status === "CONVERTING" ? <span className="text-slate-600">{t("converting")}</span> : <ClaimButton id={recording.id} title={recording.title} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
