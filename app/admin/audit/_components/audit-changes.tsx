import { getTranslations } from "next-intl/server"

import type { AuditEntryRow } from "@/lib/audit/list-audit-entries"

type JsonValue = AuditEntryRow["after"]

function asObject(value: JsonValue | null): Record<string, JsonValue> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, JsonValue>) : {}
}

function show(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "∅"
  return typeof value === "string" ? value : JSON.stringify(value)
}

/** An entry's before/after as one line per field: "showChat: true → false". */
export async function AuditChanges({ before, after }: { before: JsonValue | null; after: JsonValue | null }) {
  const t = await getTranslations("adminAudit")
  const b = asObject(before)
  const a = asObject(after)
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  if (fields.length === 0) return <span className="text-slate-500">—</span>
  return (
    <dl className="space-y-0.5 text-xs">
      {fields.map((field) => (
        <div key={field} className="break-words">
          <dt className="inline font-semibold text-slate-700">{field}</dt>{" "}
          <dd className="inline">
            {before !== null && after !== null ? (
              <>
                <span className="text-slate-600">{show(b[field])}</span> <span aria-hidden="true">→</span>
                <span className="sr-only">{` ${t("becomes")}`}</span> <span className="text-slate-900">{show(a[field])}</span>
              </>
            ) : (
              <span className="text-slate-700">{show(after === null ? b[field] : a[field])}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
