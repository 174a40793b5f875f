import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { listSignInAttempts } from "@/lib/auth/list-sign-in-attempts"
import type { SignInAttempt } from "@/lib/auth/schemas"
import { isAppError } from "@/lib/errors"

import { Badge } from "@/components/ui/badge"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { Notice } from "@/components/ui/notice"
import { PageHeader } from "@/components/ui/page-header"

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

type Row = SignInAttempt & { index: number }

export default async function SignInAttemptsPage() {
  const admin = await requirePageRole("admin", "/admin/sign-ins")
  const [t, tAdmin, format, attempts] = await Promise.all([getTranslations("adminSignIns"), getTranslations("admin"), getFormatter(), readAttempts(admin)])
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} back={{ href: "/admin", label: tAdmin("title") }} />
      {attempts === null ? (
        <Notice tone="error">
          <p>{t("unavailable")}</p>
        </Notice>
      ) : attempts.length === 0 ? (
        <EmptyState title={t("empty")} testId="no-sign-in-attempts" />
      ) : (
        <DataTable<Row>
          caption={t("caption")}
          rows={attempts.map((a, index) => ({ ...a, index }))}
          rowKey={(a) => `${a.at.toISOString()}-${a.index}`}
          rowTestId={() => "sign-in-attempt"}
          columns={[
            {
              key: "at",
              header: t("at"),
              className: "md:w-56 md:whitespace-nowrap",
              cell: (a) => format.dateTime(a.at, "dateTimeSeconds"),
            },
            { key: "username", header: t("username"), cell: (a) => <span className="font-medium break-all text-slate-900">{a.username}</span> },
            {
              key: "ip",
              header: t("ip"),
              className: "md:w-48",
              cell: (a) => (
                <span className="font-mono break-all" data-testid="sign-in-ip">
                  {a.ip}
                </span>
              ),
            },
            {
              key: "outcome",
              header: t("outcome"),
              className: "md:w-56",
              cell: (a) => <Badge tone={a.outcome === "BLOCKED" ? "danger" : "warning"}>{t(a.outcome)}</Badge>,
            },
          ]}
        />
      )}
    </>
  )
}
