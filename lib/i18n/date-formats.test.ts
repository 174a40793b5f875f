// Issue 30 item 9: every date the pages show goes through a named format (DATE_FORMATS), in the
// installation's time zone: no page or component formats a date by hand, so no US short date slips
// into English and no page shows another zone. Machine formats (CSV, file names) live in lib/.
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"

import { DATE_FORMATS } from "./date-formats"

const ROOT = path.resolve(import.meta.dirname, "../..")
const BY_HAND = [
  /\.toLocale(Date|Time)?String\(/,
  /new Intl\.DateTimeFormat\(/,
  /\b(dateStyle|timeStyle)\s*:/,
  /\.dateTime\([^)]*,\s*\{/, // inline options instead of a format's name
  /\b(hour|month|weekday)\s*:\s*"(numeric|2-digit|short|long)"/,
]

function sources(dir: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f))
}

describe("date formats", () => {
  it("are named: no page or component formats a date by hand", () => {
    const found = ["app", "components"]
      .flatMap(sources)
      .flatMap((file) =>
        readFileSync(path.join(ROOT, file), "utf8")
          .split("\n")
          .flatMap((line, i) => (BY_HAND.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      )
    expect(found).toEqual([])
  })

  it("write months as words in both languages, in the given zone", () => {
    const at = new Date("2026-03-12T14:05:09Z")
    const format = (locale: string, name: keyof typeof DATE_FORMATS) => new Intl.DateTimeFormat(locale, { ...DATE_FORMATS[name], timeZone: "Europe/Paris" }).format(at)
    expect(format("fr", "dateTime")).toBe("12 mars 2026, 15:05")
    expect(format("en", "dateTime")).toBe("Mar 12, 2026, 3:05 PM")
    expect(format("en", "date")).not.toMatch(/\d+\/\d+/)
    expect(format("fr", "timeSeconds")).toBe("15:05:09")
  })
})
