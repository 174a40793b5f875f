// lib/bbb's fast <meeting> reader against fast-xml-parser on what the simulator serves (names in many
// scripts, entities, metadata): it must read every meeting, and read it identically.
import { describe, expect, it } from "vitest"

import { readMeetingElementFast, readMeetingElementsWithParser, splitMeetingsXml } from "@/lib/bbb/parse-meetings"

import { SimulatorState } from "./state"

const chunksOf = (body: string) => splitMeetingsXml(body).map((c) => c.xml)

describe("the fast meeting reader on simulator answers", () => {
  it("reads generated meetings (names in many scripts, entities, metadata) exactly like fast-xml-parser", () => {
    const state = new SimulatorState({})
    state.generateLoad({ meetings: 30, attendeesPerMeeting: 20, moderatorsPerMeeting: 2, seed: 7 })
    state.createMeeting({
      meetingID: "odd",
      name: `Réunion "spéciale" & <tags> — 会议 ']]>`,
      metadata: { "bbb-origin": "Moodle & co", empty: "" },
      attendees: [{ fullName: "O'Brien & Fils <admin>", role: "MODERATOR" }, { fullName: "  Ζωή  ", role: "VIEWER" }],
    })
    const xmls = chunksOf(state.getMeetingsBody().toString("utf8"))
    expect(xmls.length).toBe(31)
    const reference = readMeetingElementsWithParser(xmls)
    const fast = xmls.map(readMeetingElementFast)
    expect(fast.every((f) => f !== null)).toBe(true)
    expect(fast).toEqual(reference)
  })

})
