import { getTranslations } from "next-intl/server"

import { DEFAULT_PAGE_SIZE, listHref, type ListParams } from "@/lib/lists/list-params"

import { Button, buttonClasses } from "@/components/ui/button"
import { cn } from "@/components/ui/cn"
import { inputClasses } from "@/components/ui/field"
import { LinkButton } from "@/components/ui/link-button"
import { FieldLabel } from "@/components/ui/field-label"

export type ToolbarOption = { value: string; label: string }
export type ToolbarFilter =
  | { kind: "select"; name: string; label: string; options: ToolbarOption[]; /** The "no filter" choice. */ anyLabel: string }
  | { kind: "date"; name: string; label: string }

/**
 * The top of an admin list: search box, filters, sort and a submit, in a GET form (the URL is the
 * list's state, so the page stays server-rendered and a filtered list is a shareable link), a link
 * clearing everything, and the CSV export of the same filtered rows.
 */
export async function ListToolbar({
  basePath,
  params,
  search,
  filters = [],
  sorts,
  csvPath,
  testId = "list-toolbar",
}: {
  basePath: string
  params: ListParams
  /** The search box, when the list has one: what it searches, e.g. "Session or user". */
  search?: { label: string; placeholder?: string }
  filters?: ToolbarFilter[]
  /** The sortable columns, also shown as links on the column headers (on a phone only here). */
  sorts: ToolbarOption[]
  /** The CSV export route (the same parameters as the list, without the page). */
  csvPath?: string
  testId?: string
}) {
  const t = await getTranslations("adminToolkit")
  const value = (name: string) => (params[name] === undefined || params[name] === null ? "" : String(params[name]))
  const { page: _page, pageSize: _pageSize, ...filtered } = params
  void _page
  void _pageSize
  const control = cn(inputClasses, "py-1.5")
  return (
    <div className="mb-4 rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid={testId}>
      <form method="get" action={basePath} role="search" aria-label={t("searchForm")} className="flex flex-wrap items-end gap-3">
        {search && (
          <div className="min-w-0 flex-[2_1_14rem]">
            <FieldLabel htmlFor="list-q">{search.label}</FieldLabel>
            <input id="list-q" type="search" name="q" defaultValue={value("q")} placeholder={search.placeholder} className={control} />
          </div>
        )}
        {filters.map((f) => (
          <div key={f.name} className="min-w-0 flex-[1_1_9rem]">
            <FieldLabel htmlFor={`list-${f.name}`}>{f.label}</FieldLabel>
            {f.kind === "select" ? (
              <select id={`list-${f.name}`} name={f.name} defaultValue={value(f.name)} className={control}>
                <option value="">{f.anyLabel}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input id={`list-${f.name}`} type="date" name={f.name} defaultValue={value(f.name)} className={control} />
            )}
          </div>
        ))}
        <div className="min-w-0 flex-[1_1_9rem]">
          <FieldLabel htmlFor="list-sort">{t("sortBy")}</FieldLabel>
          <select id="list-sort" name="sort" defaultValue={value("sort")} className={control}>
            {sorts.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 flex-[1_1_7rem]">
          <FieldLabel htmlFor="list-dir">{t("order")}</FieldLabel>
          <select id="list-dir" name="dir" defaultValue={value("dir")} className={control}>
            <option value="asc">{t("asc")}</option>
            <option value="desc">{t("desc")}</option>
          </select>
        </div>
        {params.pageSize !== DEFAULT_PAGE_SIZE && <input type="hidden" name="pageSize" value={params.pageSize} />}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" className="min-h-9">
            {t("apply")}
          </Button>
          <LinkButton href={basePath} variant="secondary" size="sm" className="min-h-9">
            {t("reset")}
          </LinkButton>
          {csvPath && (
            <a href={listHref(csvPath, filtered)} download className={buttonClasses({ variant: "secondary", size: "sm", className: "min-h-9" })} data-testid="export-csv">
              {t("exportCsv")}
            </a>
          )}
        </div>
      </form>
    </div>
  )
}
