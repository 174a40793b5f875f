// A live's statuses, without zod: the live page's client code reads them, and importing
// lib/lives/schemas.ts there would bring zod's parsers (and their `new Function` probe, which the page's
// CSP reports) into the browser bundle. schemas.ts re-exports them.
export const LIVE_STATUSES = ["REQUESTED", "STARTING", "RUNNING", "STOPPING", "STOPPED", "FAILED"] as const
export type LiveStatus = (typeof LIVE_STATUSES)[number]
