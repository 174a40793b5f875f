import { describe, expect, it } from "vitest"

import type { LiveStatus } from "@/lib/lives/schemas"

import { needsConfirmation, resolveStatusFrame } from "./live-status-hint"

function confirmer(answer: LiveStatus | Error) {
  const calls: number[] = []
  return {
    calls,
    confirm: async () => {
      calls.push(1)
      if (answer instanceof Error) throw answer
      return answer
    },
  }
}

describe("a status frame on a live page", () => {
  it("that would end a live the page believes on air is confirmed with one request, and the server wins", async () => {
    const server = confirmer("RUNNING")
    expect(await resolveStatusFrame({ current: "RUNNING", frame: "STOPPED", confirm: server.confirm })).toBe("RUNNING")
    expect(server.calls).toHaveLength(1)
  })

  it("ends the live when the server says it ended", async () => {
    const server = confirmer("STOPPED")
    expect(await resolveStatusFrame({ current: "RUNNING", frame: "FAILED", confirm: server.confirm })).toBe("STOPPED")
    expect(server.calls).toHaveLength(1)
  })

  it("keeps what the page shows when the server cannot be asked", async () => {
    const server = confirmer(new Error("offline"))
    expect(await resolveStatusFrame({ current: "RUNNING", frame: "STOPPED", confirm: server.confirm })).toBe("RUNNING")
  })

  it("is taken as it comes when it does not end the live, or the page already shows it ended", async () => {
    const server = confirmer("STOPPED")
    expect(await resolveStatusFrame({ current: "STARTING", frame: "RUNNING", confirm: server.confirm })).toBe("RUNNING")
    expect(await resolveStatusFrame({ current: "STOPPING", frame: "STOPPED", confirm: server.confirm })).toBe("STOPPED")
    expect(server.calls).toHaveLength(0)
  })

  it("asks only for frames that would end a live not yet shown ended", () => {
    const all: LiveStatus[] = ["REQUESTED", "STARTING", "RUNNING", "STOPPING", "STOPPED", "FAILED"]
    const asked = all.flatMap((current) => all.filter((frame) => needsConfirmation(current, frame)).map((frame) => `${current}>${frame}`))
    expect(asked).toEqual(["REQUESTED>STOPPING", "REQUESTED>STOPPED", "REQUESTED>FAILED", "STARTING>STOPPING", "STARTING>STOPPED", "STARTING>FAILED", "RUNNING>STOPPING", "RUNNING>STOPPED", "RUNNING>FAILED"])
  })
})
