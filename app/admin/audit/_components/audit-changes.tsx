import { getTranslations } from "next-intl/server"

import type { AuditEntryRow } from "@/lib/audit/list-audit-entries"

type JsonValue = AuditEntryRow["after"]

function asObject(value: JsonValue | null): Record<string, JsonValue> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, JsonValue>) : {}
}

/** What an entry is about, as a sentence: « Alice Admin a modifié le compte de Jean Martin (jmartin) ». */
export async function auditSentence(row: AuditEntryRow): Promise<string> {
  const t = await getTranslations("adminAudit")
  const type = t.has(`entityTypes.${row.entityType}`) ? t(`entityTypes.${row.entityType}` as "entityTypes.live") : row.entityType
  const entity = row.entityName ?? t("numbered", { type, id: row.entityId })
  const key = `sentences.${row.action}`
  return t.has(key) ? t(key as "sentences.user.update", { actor: row.actorName, entity }) : t("sentences.other", { actor: row.actorName, action: row.action, entity })
}

/** An entry's before/after as one line per field, in words: « Rôle : Enseignant → Étudiant ». */
export async function AuditChanges({ before, after }: { before: JsonValue | null; after: JsonValue | null }) {
  const [t, tRoles] = await Promise.all([getTranslations("adminAudit"), getTranslations("roles")])
  const show = (field: string, value: JsonValue | undefined): string => {
    if (value === undefined || value === null || value === "") return t("none")
    if (typeof value === "boolean") return value ? t("yes") : t("no")
    if (field === "role" && typeof value === "string" && tRoles.has(value)) return tRoles(value as "ADMIN")
    return typeof value === "string" ? value : JSON.stringify(value)
  }
  const label = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}` as "fields.role") : field)
  const b = asObject(before)
  const a = asObject(after)
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  if (fields.length === 0) return null
  return (
    <dl className="space-y-0.5 text-xs">
      {fields.map((field) => (
        <div key={field} className="[overflow-wrap:anywhere]">
          <dt className="inline font-semibold text-slate-700">{label(field)}</dt>{" "}
          <dd className="inline">
            {before !== null && after !== null ? (
              <>
                <span className="text-slate-600">{show(field, b[field])}</span> <span aria-hidden="true">→</span>
                <span className="sr-only">{` ${t("becomes")}`}</span> <span className="text-slate-900">{show(field, a[field])}</span>
              </>
            ) : (
              <span className="text-slate-700">{show(field, after === null ? b[field] : a[field])}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
