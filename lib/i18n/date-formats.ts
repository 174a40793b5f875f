/**
 * The app's date formats, one per kind, given to next-intl (app/_lib/i18n-request.ts) and used by
 * name: `format.dateTime(d, "dateTime")`. Months are words, so no reader mistakes 03/12 for 12/03
 * whatever the UI language; the time zone is the installation's (TZ), set in the same configuration.
 * CSV files write ISO 8601 with that zone's offset instead (lib/lists/csv.ts).
 */
export const DATE_FORMATS = {
  /** 3 déc. 2026 · Dec 3, 2026 */
  date: { day: "numeric", month: "short", year: "numeric" },
  /** 3 déc. 2026, 15:04 · Dec 3, 2026, 3:04 PM */
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" },
  /** with seconds: the audit log, refused sign-ins */
  dateTimeSeconds: { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" },
  /** 3 déc. · Dec 3: a tick of a chart's time axis over days */
  dayMonth: { day: "numeric", month: "short" },
  /** mer. 3 déc. · Wed, Dec 3: a day of a chart's axis or table over recent weeks */
  weekday: { weekday: "short", day: "numeric", month: "short" },
  /** 15:04 · 3:04 PM */
  time: { hour: "numeric", minute: "2-digit" },
  /** 15:04:09 · 3:04:09 PM: a live's samples and transcript, seconds apart */
  timeSeconds: { hour: "numeric", minute: "2-digit", second: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

export type DateFormatName = keyof typeof DATE_FORMATS
