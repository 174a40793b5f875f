import type { Metadata } from "next"
import Link from "next/link"
import { getFormatter, getTranslations } from "next-intl/server"

import { listSignInAttempts } from "@/lib/auth/list-sign-in-attempts"
import type { SignInAttempt } from "@/lib/auth/schemas"
import { isAppError } from "@/lib/errors"

import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminSignIns"))("title") }
}

async function readAttempts(admin: Awaited<ReturnType<typeof requirePageRole>>): Promise<SignInAttempt[] | null> {
  try {
    return await listSignInAttempts(admin)
  } catch (error) {
    // Redis down: say so instead of an empty list (the attempts are still in the server log).
    if (isAppError(error) && error.code === "QUEUE_UNAVAILABLE") return null
    throw error
  }
}

export default async function SignInAttemptsPage() {
  const admin = await requirePageRole("admin", "/admin/sign-ins")
  const [t, tAdmin, format, attempts] = await Promise.all([getTranslations("adminSignIns"), getTranslations("admin"), getFormatter(), readAttempts(admin)])
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
      {attempts === null ? (
        <p role="alert" className="mt-6 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("unavailable")}
        </p>
      ) : attempts.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t("empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t("at")}</th>
                <th scope="col" className="px-3 py-2">{t("username")}</th>
                <th scope="col" className="px-3 py-2">{t("ip")}</th>
                <th scope="col" className="px-3 py-2">{t("outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a, index) => (
                <tr key={`${a.at.toISOString()}-${index}`} className="border-t border-slate-200" data-testid="sign-in-attempt">
                  <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(a.at, { dateStyle: "medium", timeStyle: "medium" })}</td>
                  <td className="px-3 py-2 break-all">{a.username}</td>
                  <td className="px-3 py-2 font-mono">{a.ip}</td>
                  <td className="px-3 py-2">{t(a.outcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
