import { describe, expect, it } from "vitest"

import { parseRecordingsXml } from "@/lib/bbb/parse-recordings"
import { fixture } from "@/lib/bbb/test-helpers"

import { renderRecordingsCsv } from "./export-recordings-csv"
import { type MigrationRow, toMigrationRow } from "./recording-row"

const HEADER =
  "meeting_name;recording_name;start_date;origin;origin_server_name;origin_version;origin_context;origin_id;origin_label;description;published;state;source_url"

function row(overrides: Partial<MigrationRow> = {}): MigrationRow {
  return {
    recordID: "abc-1",
    internalMeetingID: "abc-1",
    meetingName: "Cours",
    recordingName: "Cours",
    startDate: "2020-04-24T08:00:00.000Z",
    origin: "Moodle",
    originServerName: "moodle.univ.example",
    originVersion: "4.1",
    originContext: "L3",
    originId: "12",
    originLabel: "L3-12",
    description: "",
    published: true,
    state: "published",
    sourceUrl: "https://bbb.example/playback/presentation/2.3/abc-1",
    videoFileUrl: null,
    hasPresentation: true,
    ...overrides,
  }
}

describe("renderRecordingsCsv", () => {
  it("writes the original header even without any recording, and ends every line with a line break", () => {
    expect(renderRecordingsCsv([], { withMoodleOwners: false })).toBe(`${HEADER}\n`)
    expect(renderRecordingsCsv([], { withMoodleOwners: true })).toBe(`${HEADER};moodle_owners\n`)
  })

  it("quotes fields holding ';', quotes or newlines, and keeps unicode as is", () => {
    const csv = renderRecordingsCsv(
      [{ row: row({ meetingName: 'Réunion; "bilan"', recordingName: "講義 Zoë", description: "ligne 1\nligne 2" }), moodleOwners: ["Ana Martin (amartin)", "Li Wei (lwei)"] }],
      { withMoodleOwners: true },
    )
    const lines = csv.split("\n")
    expect(lines[1]).toBe(
      '"Réunion; ""bilan""";講義 Zoë;2020-04-24T08:00:00.000Z;Moodle;moodle.univ.example;4.1;L3;12;L3-12;"ligne 1',
    )
    expect(lines[2]).toBe('ligne 2";true;published;https://bbb.example/playback/presentation/2.3/abc-1;Ana Martin (amartin), Li Wei (lwei)')
    expect(csv.endsWith("\n")).toBe(true)
  })
})

describe("renderRecordingsCsv and formulas", () => {
  it("writes a recording named like a formula as text, as the admin exports do", () => {
    const csv = renderRecordingsCsv([{ row: row({ recordingName: '=HYPERLINK("http://evil.example","open")', meetingName: "+1", description: "@SUM(A1)" }) }], {
      withMoodleOwners: false,
    })
    const fields = csv.split("\n")[1]!
    expect(fields.startsWith(`'+1;"'=HYPERLINK(""http://evil.example"",""open"")";`)).toBe(true)
    expect(fields).toContain(";'@SUM(A1);")
  })
})

describe("toMigrationRow", () => {
  it("reads Moodle metadata, the 2.3 or 2.0 presentation URL and the video file of a real answer", () => {
    const { recordings } = parseRecordingsXml(fixture("get-recordings-video-format.xml"))
    const recording = recordings[0]!
    const with23 = toMigrationRow(recording, { playbackUrl23: true })
    const with20 = toMigrationRow(recording, { playbackUrl23: false })
    const video = recording.playback.find((format) => format.type === "video")!
    expect(with23.videoFileUrl).toBe(`${video.url.replace(/\/?$/, "/")}video-0.m4v`)
    expect(with23.sourceUrl).toMatch(new RegExp(`/playback/presentation/2\\.3/${recording.recordID}$`))
    expect(with20.sourceUrl).toMatch(new RegExp(`/playback/presentation/2\\.0/playback\\.html\\?meetingId=${recording.recordID}$`))
    expect(with23.startDate).toBe(recording.startTime === null ? null : new Date(recording.startTime).toISOString())
  })

  it("prefers bbb-recording-name and falls back to the meeting name", () => {
    const { recordings } = parseRecordingsXml(fixture("get-recordings-docs-example.xml"))
    for (const recording of recordings) {
      expect(toMigrationRow(recording, { playbackUrl23: true }).recordingName).toBe(recording.metadata["bbb-recording-name"] || recording.name)
    }
  })
})
