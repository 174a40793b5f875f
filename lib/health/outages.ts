// What this process knows of its dependencies (Redis, PostgreSQL, BBB), and quiet logs about them:
// one line when one goes down, a reminder every OUTAGE_REMINDER_MS while it stays down, one line when
// it is back with the duration. Expected outages never log a stack trace; callers report through
// reportDown()/reportUp() instead of logging each failed attempt (ioredis retries every few ms).
import { getEnv } from "@/lib/config/env"
import { logger } from "@/lib/logger"

export const DEPENDENCIES = ["redis", "postgresql", "bbb"] as const
export type Dependency = (typeof DEPENDENCIES)[number]

const LABELS: Record<Dependency, string> = { redis: "Redis", postgresql: "PostgreSQL", bbb: "BigBlueButton" }

export type DependencyState = { up: boolean; since: number; lastError?: string; lastCheckAt?: number }

type Tracker = { states: Map<Dependency, DependencyState & { lastLogAt: number }> }
const globalForOutages = globalThis as unknown as { outages?: Tracker }

function tracker(): Tracker {
  return (globalForOutages.outages ??= { states: new Map() })
}

function reminderMs(): number {
  return getEnv().OUTAGE_REMINDER_MS
}

/** Records a failed attempt to reach a dependency; logs only the first one and the reminders. */
export function reportDown(dependency: Dependency, error: unknown, now = Date.now()): void {
  const message = errorMessage(error)
  const states = tracker().states
  const state = states.get(dependency)
  if (!state || state.up) {
    states.set(dependency, { up: false, since: now, lastError: message, lastCheckAt: now, lastLogAt: now })
    logger.warn({ dependency, error: message }, `${LABELS[dependency]} is down: ${message}`)
    return
  }
  state.lastError = message
  state.lastCheckAt = now
  if (now - state.lastLogAt >= reminderMs()) {
    state.lastLogAt = now
    logger.warn({ dependency, downForS: Math.round((now - state.since) / 1000), error: message }, `${LABELS[dependency]} still down for ${formatDuration(now - state.since)}: ${message}`)
  }
}

/** Records a successful use of a dependency; logs one line if it was down. */
export function reportUp(dependency: Dependency, now = Date.now()): void {
  const states = tracker().states
  const state = states.get(dependency)
  if (state && !state.up) {
    logger.info({ dependency, downForS: Math.round((now - state.since) / 1000) }, `${LABELS[dependency]} is back after ${formatDuration(now - state.since)}`)
  }
  if (!state || !state.up) states.set(dependency, { up: true, since: now, lastCheckAt: now, lastLogAt: now })
  else state.lastCheckAt = now
}

/** Known states (a dependency never reported is absent). */
export function getDependencyStates(): Partial<Record<Dependency, DependencyState>> {
  const out: Partial<Record<Dependency, DependencyState>> = {}
  for (const [dependency, { lastLogAt: _ignored, ...state }] of tracker().states) out[dependency] = state
  return out
}

export function isDown(dependency: Dependency): boolean {
  return tracker().states.get(dependency)?.up === false
}

/** For tests: forget every state. */
export function resetOutages(): void {
  tracker().states.clear()
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return error.message || (typeof code === "string" ? code : error.name)
  }
  return String(error)
}
