import type { ReactNode } from "react"

import { cn } from "./cn"

export type Column<Row> = {
  key: string
  header: ReactNode
  cell: (row: Row) => ReactNode
  className?: string
  /** The cell that names its row (a `<th scope="row">`): at most one column. */
  rowHeader?: boolean
  /** The column the rows are sorted by (aria-sort on its header; see components/admin/sort-header.tsx). */
  sort?: "ascending" | "descending"
  /** The column's name in a phone card, when `header` is more than text (a sort link). */
  label?: ReactNode
}

/**
 * A table on wide screens; on a phone each row becomes a card whose cells carry their column's
 * name, so nothing scrolls sideways. A table wider than its box scrolls within it, visibly: a
 * scrollbar that stays drawn and shadows at the hidden edges (`.table-scroll` in app/globals.css),
 * and the box is a named, focusable region so the keyboard scrolls it too. Server component (cells
 * are render functions).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowTestId,
}: {
  caption: string
  columns: Column<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string | number
  rowTestId?: (row: Row) => string
}) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="table-scroll rounded-lg border border-slate-200" data-testid="table-scroll">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden bg-slate-50 text-slate-700 md:table-header-group">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={c.sort} className={cn("px-3 py-2 font-semibold", c.className)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-200 md:table-row-group">
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId?.(row)} className="block px-4 py-3 md:table-row md:p-0">
              {columns.map((c) => {
                const Cell = c.rowHeader ? "th" : "td"
                return (
                  <Cell key={c.key} scope={c.rowHeader ? "row" : undefined} className={cn("block py-1 align-top font-normal md:table-cell md:px-3 md:py-3", c.className)}>
                    <span className="block text-xs font-semibold text-slate-500 md:hidden">
                      {c.label ?? c.header}
                    </span>
                    {c.cell(row)}
                  </Cell>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
