import Link from "next/link"

import { listHref, type ListParams } from "@/lib/lists/list-params"

/** The value of a column header's aria-sort: what the list is sorted by, and which way. */
export function ariaSort(params: ListParams, column: string): "ascending" | "descending" | undefined {
  if (params.sort !== column) return undefined
  return params.dir === "asc" ? "ascending" : "descending"
}

/**
 * A sortable column header: a link to the same list sorted by this column (again: the other way),
 * back to the first page. Pair it with `sort: ariaSort(params, column)` on the DataTable column.
 */
export function SortHeader({ basePath, params, column, label, firstDir = "asc" }: { basePath: string; params: ListParams; column: string; label: string; firstDir?: "asc" | "desc" }) {
  const active = params.sort === column
  const dir = active ? (params.dir === "asc" ? "desc" : "asc") : firstDir
  return (
    <Link href={listHref(basePath, params, { sort: column, dir, page: 1 })} className="inline-flex items-center gap-1 underline-offset-2 hover:text-brand-700 hover:underline" data-testid={`sort-${column}`}>
      {label}
      <span aria-hidden="true" className={active ? "text-slate-900" : "text-slate-400"}>
        {active ? (params.dir === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </Link>
  )
}
