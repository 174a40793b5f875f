// One line of `npm run doctor`'s table: what was checked, its result, what was seen, and for a
// failure what to do. SKIP: the feature is not configured (nothing to check), never a failure.
export type CheckStatus = "PASS" | "FAIL" | "SKIP"

export type DoctorCheck = { check: string; status: CheckStatus; detail: string; fix?: string }

export const pass = (check: string, detail: string): DoctorCheck => ({ check, status: "PASS", detail })
export const fail = (check: string, detail: string, fix: string): DoctorCheck => ({ check, status: "FAIL", detail, fix })
export const skip = (check: string, detail: string): DoctorCheck => ({ check, status: "SKIP", detail })

/** The message of anything thrown, with its cause when the message alone says little ("fetch failed"). */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? error.cause.message || (error.cause as { code?: string }).code : undefined
  return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message
}
