// A live's statuses, without zod: the live page's client code reads them, and importing
// lib/lives/schemas.ts there would bring zod's parsers (and their `new Function` probe, which the page's
// CSP reports) into the browser bundle. schemas.ts re-exports them. The one place that says which
// statuses are active (the database's CHECK lives_active_meeting_consistent says the same).
export const LIVE_STATUSES = ["REQUESTED", "STARTING", "RUNNING", "STOPPING", "STOPPED", "FAILED"] as const
export type LiveStatus = (typeof LIVE_STATUSES)[number]

/** A live holding its meeting (and resources): requested, starting, running or stopping. */
export const ACTIVE_LIVE_STATUSES = ["REQUESTED", "STARTING", "RUNNING", "STOPPING"] as const satisfies readonly LiveStatus[]
export type ActiveLiveStatus = (typeof ACTIVE_LIVE_STATUSES)[number]

/** How a live ends: stopped (for a reason) or failed. */
export type EndedLiveStatus = Exclude<LiveStatus, ActiveLiveStatus>

export function isActiveLiveStatus(status: LiveStatus): status is ActiveLiveStatus {
  return (ACTIVE_LIVE_STATUSES as readonly LiveStatus[]).includes(status)
}

/** An active live not yet stopping: what a stop (a teacher's, an admin's, its meeting's end) acts on. */
export const STOPPABLE_LIVE_STATUSES = ["REQUESTED", "STARTING", "RUNNING"] as const satisfies readonly ActiveLiveStatus[]

export function isStoppableLiveStatus(status: LiveStatus): boolean {
  return (STOPPABLE_LIVE_STATUSES as readonly LiveStatus[]).includes(status)
}
