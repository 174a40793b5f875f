import { Writable } from "node:stream"

import { afterEach, describe, expect, it, vi } from "vitest"

import { AppError } from "@/lib/errors"

import { outageOf } from "./classify-outage"
import { formatDuration, getDependencyStates, isDown, reportDown, reportUp, resetOutages } from "./outages"

// Capture the log lines pino writes (the logger is created lazily on first use).
const logged: { level: number; msg: string }[] = []
vi.mock("@/lib/logger", async () => {
  const pino = (await import("pino")).default
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) logged.push(JSON.parse(line) as { level: number; msg: string })
      done()
    },
  })
  return { logger: pino({ level: "info" }, sink) }
})

afterEach(() => {
  resetOutages()
  logged.length = 0
})

describe("outage logs", () => {
  it("logs one line down, one reminder a minute, one line back with the duration", async () => {
    const t0 = 1_000_000
    for (let i = 0; i < 240; i++) reportDown("redis", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6390"), { code: "ECONNREFUSED" }), t0 + i * 66)
    reportDown("redis", new Error("connect ECONNREFUSED 127.0.0.1:6390"), t0 + 61_000)
    reportDown("redis", new Error("connect ECONNREFUSED 127.0.0.1:6390"), t0 + 62_000)
    expect(isDown("redis")).toBe(true)
    reportUp("redis", t0 + 75_000)
    reportUp("redis", t0 + 76_000)
    await new Promise((r) => setImmediate(r))
    expect(logged.map((l) => l.msg)).toEqual([
      "Redis is down: connect ECONNREFUSED 127.0.0.1:6390",
      "Redis still down for 1 min 1 s: connect ECONNREFUSED 127.0.0.1:6390",
      "Redis is back after 1 min 15 s",
    ])
    expect(getDependencyStates().redis).toMatchObject({ up: true, since: t0 + 75_000 })
  })

  it("says nothing when a dependency that was never down answers", async () => {
    reportUp("postgresql")
    await new Promise((r) => setImmediate(r))
    expect(logged).toEqual([])
    expect(isDown("postgresql")).toBe(false)
  })

  it("formats durations", () => {
    expect(formatDuration(4_400)).toBe("4 s")
    expect(formatDuration(3_720_000)).toBe("1 h 2 min")
  })
})

describe("outageOf", () => {
  it("names the dependency of expected outages", () => {
    expect(outageOf(new AppError("BBB_UNAVAILABLE"))).toBe("bbb")
    expect(outageOf(new AppError("DATABASE_UNAVAILABLE"))).toBe("postgresql")
    expect(outageOf(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { code: "ECONNREFUSED" }))).toBe("redis")
    expect(outageOf(new Error("Connection is closed."))).toBe("redis")
    expect(outageOf(Object.assign(new Error("x"), { name: "DriverAdapterError", cause: { code: "57P01", message: "terminating connection due to administrator command" } }))).toBe("postgresql")
    expect(outageOf(Object.assign(new Error('database "x" is not currently accepting connections'), { name: "PrismaClientKnownRequestError" }))).toBe("postgresql")
  })

  it("leaves real failures alone", () => {
    expect(outageOf(new Error("Cannot read properties of undefined"))).toBeNull()
    expect(outageOf(new AppError("INVALID_INPUT"))).toBeNull()
    expect(outageOf(Object.assign(new AppError("BBB_UNAVAILABLE"), { isTransient: false }))).toBeNull()
    expect(outageOf(null)).toBeNull()
  })
})
