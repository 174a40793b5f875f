import { describe, expect, it } from "vitest"

import { dayFilter, dayRange, enumFilter, idFilter, listHref, listParamsSchema, pageWindow, parseListParams, startOfDay } from "./list-params"

const schema = listParamsSchema({
  sorts: ["requestedAt", "status", "id"],
  filters: { status: enumFilter(["RUNNING", "STOPPED"]), from: dayFilter(), meeting: idFilter() },
})

describe("parseListParams", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parseListParams(schema, {})).toEqual({ sort: "requestedAt", dir: "desc", page: 1, pageSize: 25 })
  })

  it("reads every parameter, from a page's searchParams or a URLSearchParams", () => {
    const raw = { q: "  chimie ", sort: "status", dir: "asc", page: "3", pageSize: "50", status: "RUNNING", from: "2026-11-02", meeting: "12" }
    const expected = { q: "chimie", sort: "status", dir: "asc", page: 3, pageSize: 50, status: "RUNNING", from: "2026-11-02", meeting: 12 }
    expect(parseListParams(schema, raw)).toEqual(expected)
    expect(parseListParams(schema, new URLSearchParams(raw))).toEqual(expected)
  })

  it("falls back to the default for tampered values and keeps the first of repeated ones", () => {
    const parsed = parseListParams(schema, { q: "", sort: "password", dir: "sideways", page: "-4", pageSize: "100000", status: ["STOPPED", "RUNNING"], from: "02/11/2026", meeting: "x" })
    expect(parsed).toEqual({ sort: "requestedAt", dir: "desc", page: 1, pageSize: 25, status: "STOPPED", from: undefined, meeting: undefined })
  })

  it("honours a list's own default sort and direction", () => {
    const byName = listParamsSchema({ sorts: ["id", "name"], defaultSort: "name", defaultDir: "asc" })
    expect(parseListParams(byName, {})).toMatchObject({ sort: "name", dir: "asc" })
  })
})

describe("listHref", () => {
  it("leaves out defaults and empty values, and applies changes", () => {
    const params = { q: "a b", sort: "id", dir: "desc" as const, page: 2, pageSize: 25, status: undefined }
    expect(listHref("/admin/lives", params)).toBe("/admin/lives?q=a+b&sort=id&dir=desc&page=2")
    expect(listHref("/admin/lives", params, { page: 1, sort: "status" })).toBe("/admin/lives?q=a+b&sort=status&dir=desc")
    expect(listHref("/admin/lives", {})).toBe("/admin/lives")
  })
})

describe("pageWindow", () => {
  it("skips the rows of earlier pages", () => {
    expect(pageWindow(132, 3, 25)).toEqual({ page: 3, pageCount: 6, skip: 50, take: 25 })
  })

  it("shows the last page for a page past the end, and one empty page for no rows", () => {
    expect(pageWindow(30, 9, 25)).toEqual({ page: 2, pageCount: 2, skip: 25, take: 25 })
    expect(pageWindow(0, 1, 25)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 25 })
  })
})

describe("dayRange", () => {
  it("bounds whole days in the platform's time zone, summer and winter time alike", () => {
    expect(startOfDay("2026-11-02", "Europe/Paris").toISOString()).toBe("2026-11-01T23:00:00.000Z")
    expect(startOfDay("2026-07-14", "Europe/Paris").toISOString()).toBe("2026-07-13T22:00:00.000Z")
    // The day the clocks go back: midnight is still in summer time.
    expect(startOfDay("2026-10-25", "Europe/Paris").toISOString()).toBe("2026-10-24T22:00:00.000Z")
    expect(dayRange({ from: "2026-11-02", to: "2026-11-02", timeZone: "Europe/Paris" })).toEqual({
      gte: new Date("2026-11-01T23:00:00.000Z"),
      lt: new Date("2026-11-02T23:00:00.000Z"),
    })
    expect(dayRange({ to: "2026-12-31", timeZone: "UTC" })).toEqual({ lt: new Date("2027-01-01T00:00:00.000Z") })
    expect(dayRange({ timeZone: "UTC" })).toEqual({})
  })
})
