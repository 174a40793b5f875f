import { getTranslations } from "next-intl/server"

import { listHref, type ListParams } from "@/lib/lists/list-params"

import { buttonClasses } from "@/components/ui/button"
import { LinkButton } from "@/components/ui/link-button"

/** Below an admin list: which rows of how many, and links to the previous and next pages (nothing under an empty list: its empty state says it). */
export async function Pagination({ basePath, params, total, page, pageSize, pageCount }: { basePath: string; params: ListParams; total: number; page: number; pageSize: number; pageCount: number }) {
  if (total === 0) return null
  const t = await getTranslations("adminToolkit")
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)
  const disabled = buttonClasses({ variant: "secondary", size: "sm", className: "pointer-events-none opacity-50" })
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p aria-live="polite" data-testid="list-total">
        {t("range", { from, to, total })}
      </p>
      {pageCount > 1 && (
        <div className="flex flex-wrap items-center gap-2">
          {page > 1 ? (
            <LinkButton href={listHref(basePath, params, { page: page - 1 })} variant="secondary" size="sm" rel="prev">
              <span aria-hidden="true">←</span> {t("previous")}
            </LinkButton>
          ) : (
            <span className={disabled} aria-disabled="true">
              <span aria-hidden="true">←</span> {t("previous")}
            </span>
          )}
          <span>{t("pageOf", { page, pageCount })}</span>
          {page < pageCount ? (
            <LinkButton href={listHref(basePath, params, { page: page + 1 })} variant="secondary" size="sm" rel="next">
              {t("next")} <span aria-hidden="true">→</span>
            </LinkButton>
          ) : (
            <span className={disabled} aria-disabled="true">
              {t("next")} <span aria-hidden="true">→</span>
            </span>
          )}
        </div>
      )}
    </nav>
  )
}
