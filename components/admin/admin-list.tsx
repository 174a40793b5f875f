import type { ComponentProps, ReactNode } from "react"
import { getTranslations } from "next-intl/server"

import type { ListPage, ListParams } from "@/lib/lists/list-params"

import { DataTable, type Column } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { TextLink } from "@/components/ui/link-button"
import { truncateText } from "@/components/ui/long-text"

import { ListToolbar } from "./list-toolbar"
import { Pagination } from "./pagination"
import { ariaSort, SortHeader } from "./sort-header"

/**
 * A column of an admin list: a DataTable column whose header, when `sortBy` names one of the list's
 * sorts, becomes a sort link (with its aria-sort, and the plain text as the phone card's label).
 */
export type AdminColumn<Row, Sort extends string = string> = PlainColumn<Row> | SortableColumn<Row, Sort>
type PlainColumn<Row> = Omit<Column<Row>, "label" | "sort"> & { sortBy?: undefined }
type SortableColumn<Row, Sort extends string> = Omit<Column<Row>, "header" | "label" | "sort"> & { header: string; sortBy: Sort }

const isSortable = <Row, Sort extends string>(column: AdminColumn<Row, Sort>): column is SortableColumn<Row, Sort> => column.sortBy !== undefined

/** The narrow, sortable id column a list starts with, in tabular figures. */
export function idColumn<Row extends { id: number | string }>(header: string): AdminColumn<Row, "id"> {
  return { key: "id", header, sortBy: "id", className: "md:w-16", cell: (r) => <span className="tabular-nums">{r.id}</span> }
}

/**
 * The column naming each row (its row header), sortable by "name": a link to the row's own page, maybe a
 * line below. A long name is cut (truncateText) with the whole in the link's title and on its page.
 */
export function nameColumn<Row>(header: string, href: (row: Row) => string, name: (row: Row) => ReactNode, below?: (row: Row) => ReactNode): AdminColumn<Row, "name"> {
  return {
    key: "name",
    header,
    sortBy: "name",
    rowHeader: true,
    cell: (r) => (
      <>
        {(() => {
          const text = name(r)
          return (
            <TextLink href={href(r)} className="font-medium [overflow-wrap:anywhere]" title={typeof text === "string" && text !== truncateText(text) ? text : undefined}>
              {typeof text === "string" ? truncateText(text) : text}
            </TextLink>
          )
        })()}
        {below?.(r)}
      </>
    ),
  }
}

type SortDirection = "asc" | "desc"

/**
 * The body of every admin list page, under its header: the toolbar (search, filters, sort, the CSV
 * export at `<basePath>/export`),
 * then the table or, with no rows, the empty state ("no results" unless the page says otherwise),
 * then the pagination. Rows are keyed by their id.
 */
export async function AdminList<Row extends { id: number | string }, Sort extends string = string>({
  basePath,
  params,
  toolbar,
  list,
  caption,
  rowTestId,
  columns,
  empty,
  firstDir = () => "asc",
}: {
  basePath: string
  params: ListParams
  /** The toolbar's search, filters and sorts (its CSV export is always `<basePath>/export`). */
  toolbar: Omit<ComponentProps<typeof ListToolbar>, "basePath" | "params" | "csvPath">
  list: ListPage<Row>
  caption: string
  rowTestId: (row: Row) => string
  columns: AdminColumn<Row, Sort>[]
  /** The empty state: its test id, and a title and help other than "no results" (null: no help). */
  empty: { testId: string; title?: ReactNode; help?: ReactNode }
  /** Which way a column's sort link sorts first (when the list is not already sorted by it). */
  firstDir?: (column: Sort) => SortDirection
}) {
  const tk = await getTranslations("adminToolkit")
  const tableColumns = columns.map((column): Column<Row> => {
    if (!isSortable(column)) return column
    const { sortBy, header, ...rest } = column
    return {
      ...rest,
      header: <SortHeader basePath={basePath} params={params} column={sortBy} label={header} firstDir={firstDir(sortBy)} />,
      label: header,
      sort: ariaSort(params, sortBy),
    }
  })
  return (
    <>
      <ListToolbar basePath={basePath} params={params} csvPath={`${basePath}/export`} {...toolbar} />
      {list.total === 0 ? (
        <EmptyState title={empty.title ?? tk("noResults")} testId={empty.testId}>
          {empty.help === undefined ? tk("noResultsHelp") : empty.help}
        </EmptyState>
      ) : (
        <DataTable<Row> caption={caption} rows={list.rows} rowKey={(r) => r.id} rowTestId={rowTestId} columns={tableColumns} />
      )}
      <Pagination basePath={basePath} params={params} {...list} />
    </>
  )
}
