// Small helpers shared by test files (never imported by the app).
import type { AppError } from "@/lib/errors"

/** The error `action` fails with (an AppError where the code under test throws one); a test failure if it succeeds. */
export async function caughtError(action: () => Promise<unknown>): Promise<AppError> {
  try {
    await action()
  } catch (error) {
    return error as AppError
  }
  throw new Error("expected a failure")
}
