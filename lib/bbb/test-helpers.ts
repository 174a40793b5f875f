// Shared by the lib/bbb tests: read a verbatim fixture, and capture a thrown BbbError.
import { readFileSync } from "node:fs"

import { BbbError } from "./errors"

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")
}

/** Runs `action` and returns the BbbError it throws (fails the test if it throws nothing or something else). */
export async function bbbErrorOf(action: () => unknown): Promise<BbbError> {
  try {
    await action()
  } catch (error) {
    if (error instanceof BbbError) return error
    throw new Error(`expected a BbbError, got: ${String(error)}`, { cause: error })
  }
  throw new Error("expected a BbbError, nothing was thrown")
}
