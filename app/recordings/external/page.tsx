import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { listExternalRecordings } from "@/lib/recordings/list-external-recordings"

import { TextLink } from "@/components/ui/link-button"

import { requirePageRole } from "@/app/_lib/guards"

import { AddExternalRecordingForm } from "./_components/add-external-recording-form"
import { DeleteExternalRecordingButton } from "./_components/delete-external-recording-button"
import { ImportExternalRecordingButton } from "./_components/import-external-recording-button"

const STATES = ["IMPORT_QUEUED", "IMPORTED", "CONVERSION_QUEUED", "IMPORT_FAILED"] as const
type ImportState = (typeof STATES)[number]
const isImportState = (state: string | null): state is ImportState => (STATES as readonly (string | null)[]).includes(state)
const canImport = (recording: { type: string; state: string | null }) =>
  ["BIGBLUEBUTTON", "VIDEO"].includes(recording.type) && (recording.state === null || recording.state === "IMPORT_FAILED")

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("externalRecordings"))("title") }
}

export default async function ExternalRecordingsPage() {
  const user = await requirePageRole("teacher", "/recordings/external")
  const [t, format, recordings] = await Promise.all([getTranslations("externalRecordings"), getFormatter(), listExternalRecordings(user)])
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <p className="mt-2">
        <TextLink href="/recordings/claim">{t("claimLink")}</TextLink>
      </p>
      <p className="mt-2 font-medium text-slate-800" data-testid="external-count">
        {t("count", { count: recordings.length })}
      </p>
      {recordings.length === 0 ? (
        <p className="mt-4 rounded-md border border-dashed border-slate-300 bg-white p-6">{t("none")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("columns.name")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.state")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.date")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.type")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.source")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.import")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.manage")}</th>
              </tr>
            </thead>
            <tbody>
              {recordings.map((recording) => (
                <tr key={recording.id} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-2 font-medium">{recording.name}</th>
                  <td className="px-3 py-2" data-testid="external-state">
                    {isImportState(recording.state) ? t(`states.${recording.state}`) : t("notUploaded")}
                  </td>
                  <td className="px-3 py-2">{format.dateTime(recording.startAt, { dateStyle: "long", timeStyle: "short" })}</td>
                  <td className="px-3 py-2">{t(`types.${recording.type}`)}</td>
                  <td className="px-3 py-2">
                    <a href={recording.sourceUrl} target="_blank" rel="noopener noreferrer" aria-label={t("openLabel", { name: recording.name })} className="text-brand-700 hover:underline">
                      {t("open")}
                    </a>
                  </td>
                  <td className="px-3 py-2">{canImport(recording) && <ImportExternalRecordingButton id={recording.id} name={recording.name} />}</td>
                  <td className="px-3 py-2">
                    <DeleteExternalRecordingButton id={recording.id} name={recording.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddExternalRecordingForm />
    </section>
  )
}
