import { describe, expect, it } from "vitest"

import { parseRecordingsXml } from "./parse-recordings"
import { parseBbbTimestamp } from "./schemas"
import { bbbErrorOf, fixture } from "./test-helpers"

describe("getRecordings answers (documented shapes)", () => {
  it("reads the example of the BBB documentation: two recordings, podcast + presentation with previews", () => {
    const page = parseRecordingsXml(fixture("get-recordings-docs-example.xml"))
    expect(page).toMatchObject({ itemCount: 2, total: null, unreadableRecordIDs: [] })
    const [first, second] = page.recordings
    expect(first).toMatchObject({
      recordID: "ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124",
      meetingID: "c637ba21adcd0191f48f5c4bf23fab0f96ed5c18",
      name: "Fred's Room",
      published: true,
      state: "published",
      startTime: 1530718721124,
      endTime: 1530718810456,
      participants: 3,
      isBreakout: false,
      metadata: { isBreakout: "false", meetingName: "Fred's Room", "gl-listed": "false", meetingId: "c637ba21adcd0191f48f5c4bf23fab0f96ed5c18" },
    })
    expect(first?.playback.map((format) => format.type)).toEqual(["podcast", "presentation"])
    expect(first?.playback[1]).toMatchObject({ processingTime: 7177, length: 0 })
    expect(first?.playback[1]?.previewImages).toHaveLength(3)
    expect(second?.playback[1]?.previewImages).toEqual([expect.stringContaining("thumb-1.png")])
    expect(second?.playback[0]).toMatchObject({ type: "podcast", length: 33, previewImages: [] })
  })

  it("reads video, presentation and podcast formats, sizes and breakout information", () => {
    const [recording] = parseRecordingsXml(fixture("get-recordings-video-format.xml")).recordings
    expect(recording?.name).toBe("Amphi & direct")
    expect(recording?.playback.map((format) => [format.type, format.length])).toEqual([
      ["video", 60],
      ["presentation", 60],
      ["podcast", 60],
    ])
    expect(recording?.playback[0]?.url).toBe("https://bbb.example.org/playback/video/9e359d17635e163c4388281567601d7fecf29df8-1461882579628/")
    expect(recording).toMatchObject({ size: 1043812345, participants: 120, isBreakout: false, parentMeetingID: null })
    expect(recording?.breakoutRooms).toEqual(["1234567890abcdef1234567890abcdef12345678-1461882600000"])
  })

  it("reads legacy recordings: CDATA name and metadata, Java date strings, a single format, no internalMeetingID", () => {
    const [recording] = parseRecordingsXml(fixture("get-recordings-legacy.xml")).recordings
    expect(recording).toMatchObject({
      recordID: "183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1267711556000",
      internalMeetingID: "183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1267711556000",
      meetingID: "English 101",
      name: "English 101 & Co",
      startTime: Date.UTC(2010, 2, 4, 14, 5, 56),
      endTime: Date.UTC(2010, 2, 4, 15, 1, 1), // 16:01:01 CET
      startTimeRaw: "Thu Mar 04 14:05:56 UTC 2010",
      participants: null,
    })
    expect(recording?.metadata).toMatchObject({ title: "Test Recording", subject: "English 101 &amp; more", creator: "Fred Dixon" })
    expect(recording?.playback).toEqual([expect.objectContaining({ type: "simple", length: 62, processingTime: null })])
  })

  it("reads every start date shape old servers emitted, and keeps the raw text of one it cannot read", () => {
    const { recordings } = parseRecordingsXml(fixture("get-recordings-legacy-dates.xml"))
    expect(recordings.map((r) => [r.startTimeRaw, r.startTime])).toEqual([
      ["2011-09-22 18:47:55 UTC", Date.UTC(2011, 8, 22, 18, 47, 55)],
      ["Fri Nov 18 12:10:23 UTC 2011", Date.UTC(2011, 10, 18, 12, 10, 23)],
      ["1530718721124", 1530718721124],
      ["2011-09-22 19:33:20", null], // no zone: unreadable rather than hours off
    ])
  })

  it("reads Scalelite's answer (empty CDATA metadata, empty parent_meeting_id, no processingTime)", () => {
    const [recording] = parseRecordingsXml(fixture("get-recordings-scalelite.xml")).recordings
    expect(recording).toMatchObject({ state: "unpublished", published: false, parentMeetingID: null, isBreakout: false })
    expect(recording?.metadata).toEqual({ "bbb-origin-server-name": "lms.example.org", "gl-listed": "" })
  })

  it("reads SUCCESS + noRecordings as an empty page", () => {
    expect(parseRecordingsXml(fixture("get-recordings-no-recordings.xml"))).toEqual({ recordings: [], unreadableRecordIDs: [], itemCount: 0, total: null })
    expect(parseRecordingsXml("<response><returncode>SUCCESS</returncode><messageKey>noRecordings</messageKey></response>").recordings).toEqual([])
  })

  it("reads the total of a paginated answer, beside the list or inside <pagination>", () => {
    expect(parseRecordingsXml(fixture("get-recordings-total-elements.xml"))).toMatchObject({ total: 3, itemCount: 1 })
    expect(parseRecordingsXml(fixture("get-recordings-pagination-element.xml"))).toMatchObject({ total: 3, itemCount: 1 })
  })

  it("reports recordings listed as <error> instead of dropping them", () => {
    const page = parseRecordingsXml(fixture("get-recordings-error-entry.xml"))
    expect(page.unreadableRecordIDs).toEqual(["dead000000000000000000000000000000000000-1700000000000"])
    expect(page.recordings.map((recording) => recording.recordID)).toEqual(["aaaa000000000000000000000000000000000003-1700000000003"])
    expect(page.itemCount).toBe(2)
  })
})

describe("getRecordings failures", () => {
  it("turns FAILED into an error with its messageKey", async () => {
    const error = await bbbErrorOf(() => parseRecordingsXml(fixture("failed-checksum-error.xml")))
    expect(error).toMatchObject({ kind: "FAILED", messageKey: "checksumError", callName: "getRecordings" })
  })

  it("rejects a truncated answer and a recording without recordID", async () => {
    const body = fixture("get-recordings-docs-example.xml")
    expect((await bbbErrorOf(() => parseRecordingsXml(body.slice(0, body.indexOf("</recording>"))))).kind).toBe("MALFORMED_XML")
    const broken = body.replace("<recordID>ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124</recordID>", "")
    expect((await bbbErrorOf(() => parseRecordingsXml(broken))).kind).toBe("SCHEMA_MISMATCH")
  })

  it("rejects SUCCESS without <recordings> nor noRecordings", async () => {
    expect((await bbbErrorOf(() => parseRecordingsXml("<response><returncode>SUCCESS</returncode></response>"))).kind).toBe("SCHEMA_MISMATCH")
  })
})

describe("parseBbbTimestamp", () => {
  it.each([
    ["1530718721124", 1530718721124],
    ["Tue Jul 10 16:47:38 UTC 2018", Date.UTC(2018, 6, 10, 16, 47, 38)],
    ["Thu Mar 04 14:05:56 CEST 2010", Date.UTC(2010, 2, 4, 12, 5, 56)],
    ["Mon Jul 09 17:03:29 EDT 2018", Date.UTC(2018, 6, 9, 21, 3, 29)],
    ["Thu Mar 04 14:05:56 GMT+01:00 2010", Date.UTC(2010, 2, 4, 13, 5, 56)],
    ["2018-07-10T16:47:38Z", Date.UTC(2018, 6, 10, 16, 47, 38)],
    ["2018-07-10T18:47:38+02:00", Date.UTC(2018, 6, 10, 16, 47, 38)],
    // yyyy-MM-dd HH:mm:ss z of older servers (bigbluebutton-api-ruby's fixtures)
    ["2011-09-22 18:47:55 UTC", Date.UTC(2011, 8, 22, 18, 47, 55)],
    ["2011-09-22 20:47:55 CEST", Date.UTC(2011, 8, 22, 18, 47, 55)],
    ["2011-09-22 20:47:55 +0200", Date.UTC(2011, 8, 22, 18, 47, 55)],
    ["Fri Nov 18 12:10:23 UTC 2011", Date.UTC(2011, 10, 18, 12, 10, 23)],
  ])("%s", (raw, expected) => {
    expect(parseBbbTimestamp(raw)).toBe(expected)
  })

  it("returns null for absent or unknown forms rather than guessing a zone", () => {
    expect(parseBbbTimestamp("")).toBeNull()
    expect(parseBbbTimestamp(undefined)).toBeNull()
    expect(parseBbbTimestamp("2018-07-10 16:47:38")).toBeNull()
    expect(parseBbbTimestamp("Thu Mar 04 14:05:56 XYZ 2010")).toBeNull()
    expect(parseBbbTimestamp("2011-09-22 18:47:55 XYZ")).toBeNull()
    expect(parseBbbTimestamp("2011-13-22 18:47:55 UTC")).toBeNull()
  })
})
