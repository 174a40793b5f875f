// The one classification of job errors (classifyJobErrors): permanent errors end a job at once,
// transient and unknown ones are retried, and the give-up hook runs exactly when the job fails for good.
import { UnrecoverableError, type Job } from "bullmq"
import { describe, expect, it } from "vitest"

import { AppError } from "@/lib/errors"

import { classifyJobErrors } from "./run-worker"

const job = (attemptsMade: number, attempts = 3) => ({ data: { n: 1 }, attemptsMade, opts: { attempts } }) as unknown as Job

async function outcome(error: Error, attemptsMade: number) {
  const gaveUp: Job[] = []
  const processor = classifyJobErrors(
    async () => {
      throw error
    },
    async (j) => {
      gaveUp.push(j)
    },
  )
  const thrown = await processor(job(attemptsMade)).then(
    () => null,
    (e: unknown) => e as Error,
  )
  return { thrown, gaveUp: gaveUp.length }
}

describe("classifyJobErrors", () => {
  it("ends a job at once on a permanent error, after the give-up hook", async () => {
    const { thrown, gaveUp } = await outcome(new AppError("NOT_FOUND", { message: "no such row" }), 0)
    expect(thrown).toBeInstanceOf(UnrecoverableError)
    expect(thrown?.message).toBe("no such row")
    expect(gaveUp).toBe(1)
  })

  it("rethrows a transient error for a retry, giving up only on the last attempt", async () => {
    const error = new AppError("BBB_UNAVAILABLE", { message: "down" })
    expect(await outcome(error, 0)).toEqual({ thrown: error, gaveUp: 0 })
    expect(await outcome(error, 1)).toEqual({ thrown: error, gaveUp: 0 })
    expect(await outcome(error, 2)).toEqual({ thrown: error, gaveUp: 1 })
  })

  it("retries an unknown error like a transient one; an AppError that says it will heal is transient", async () => {
    const unknown = new Error("socket hang up")
    expect(await outcome(unknown, 0)).toEqual({ thrown: unknown, gaveUp: 0 })
    const healing = Object.assign(new AppError("NOT_FOUND", { message: "not yet" }), { isTransient: true })
    expect(await outcome(healing, 0)).toEqual({ thrown: healing, gaveUp: 0 })
  })

  it("returns the processor's result untouched", async () => {
    expect(await classifyJobErrors(async (j: Job) => ({ got: j.data }))(job(0))).toEqual({ got: { n: 1 } })
  })
})
