import { describe, expect, it } from "vitest"

import { pickRecordingFile, recordingFileName, recordingStartOf } from "./recording-files"

describe("recording file names (container local time)", () => {
  it("round-trips an instant through its Paris local-time name, across daylight saving", () => {
    for (const iso of ["2026-11-23T09:15:07Z", "2026-07-01T22:00:00Z", "2026-03-29T01:30:00Z"]) {
      const at = new Date(iso)
      const name = recordingFileName(at, "Europe/Paris")
      expect(name).toMatch(/^meeting-\d{14}\.mkv$/)
      expect(recordingStartOf(name, "Europe/Paris")?.toISOString()).toBe(at.toISOString())
    }
    expect(recordingFileName(new Date("2026-11-23T09:15:07Z"), "Europe/Paris")).toBe("meeting-20261123101507.mkv")
    expect(recordingStartOf("notes.txt", "Europe/Paris")).toBeNull()
  })

  it("picks this live's file, never an older one left in the folder nor a later one", () => {
    const tz = "Europe/Paris"
    const from = new Date("2026-11-23T09:00:00Z")
    const to = new Date("2026-11-23T10:30:00Z")
    const files = [
      "meeting-20261122101000.mkv", // yesterday's live, never collected
      "meeting-20261123084500.mkv", // an earlier live of this slot (07:45Z), ended before this one
      "meeting-20261123100002.mkv", // this live (10:00:02 Paris = 09:00:02Z)
      "meeting-20261123101500.mkv", // this live's restart: not the main file
      "meeting-20261123120000.mkv", // after the window
      "streamer.log",
    ]
    expect(pickRecordingFile(files, { from, to }, tz)).toBe("meeting-20261123100002.mkv")
    expect(pickRecordingFile(["meeting-20261123084500.mkv"], { from, to }, tz)).toBeNull()
    expect(pickRecordingFile([], { from, to }, tz)).toBeNull()
  })
})
