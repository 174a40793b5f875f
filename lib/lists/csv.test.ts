import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"

import { csvCell, renderCsv, renderCsvColumns } from "./csv"

describe("csvCell", () => {
  it("neutralises what a spreadsheet would run as a formula", () => {
    for (const cell of ["=HYPERLINK(\"http://evil\")", "+33 1 23", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(cell)).toBe(`'${cell}`)
    expect(csvCell("Amphi A = salle 12")).toBe("Amphi A = salle 12")
  })

  it("writes numbers, booleans, dates and nothing plainly", () => {
    expect(csvCell(-3)).toBe("-3")
    expect(csvCell(true)).toBe("true")
    expect(csvCell(new Date("2026-11-02T09:30:00Z"))).toBe("2026-11-02T09:30:00.000Z")
    // In a time zone: its wall clock and offset, summer and winter.
    expect(csvCell(new Date("2026-11-02T09:30:00Z"), "Europe/Paris")).toBe("2026-11-02T10:30:00+01:00")
    expect(csvCell(new Date("2026-07-14T22:15:09Z"), "Europe/Paris")).toBe("2026-07-15T00:15:09+02:00")
    expect(csvCell(new Date("2026-07-14T22:15:09Z"), "America/St_Johns")).toBe("2026-07-14T19:45:09-02:30")
    expect(csvCell(new Date("2026-07-14T22:15:09Z"), "UTC")).toBe("2026-07-14T22:15:09+00:00")
    expect(csvCell(null)).toBe("")
    expect(csvCell(undefined)).toBe("")
  })
})

describe("renderCsv", () => {
  it("writes a header and one quoted-as-needed line per row, which a CSV reader reads back", () => {
    const csv = renderCsv(["id", "name"], [[1, "Chimie; séance \"3\"\nsuite"], [2, "=1+1"]])
    expect(csv.endsWith("\r\n")).toBe(true)
    expect(parse(csv, { delimiter: ";" })).toEqual([["id", "name"], ["1", "Chimie; séance \"3\"\nsuite"], ["2", "'=1+1"]])
  })

  it("maps rows through columns", () => {
    const csv = renderCsvColumns([{ header: "Nom", value: (r: { n: string }) => r.n }], [{ n: "Marie" }])
    expect(csv).toBe("Nom\r\nMarie\r\n")
  })
})
