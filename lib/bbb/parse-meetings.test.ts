import { describe, expect, it } from "vitest"

import { AppError } from "@/lib/errors"

import {
  parseIsMeetingRunningXml,
  parseMeetingChunk,
  parseMeetingChunks,
  parseMeetingInfoXml,
  parseMeetingsXml,
  splitMeetingsXml,
} from "./parse-meetings"
import { bbbErrorOf, fixture } from "./test-helpers"

describe("getMeetings answers (documented shapes)", () => {
  it("reads the example of the BBB documentation, with self-closing attendees and metadata", () => {
    const [meeting, ...others] = parseMeetingsXml(fixture("get-meetings-docs-example.xml"))
    expect(others).toHaveLength(0)
    expect(meeting).toMatchObject({
      meetingName: "Demo Meeting",
      meetingID: "Demo Meeting",
      internalMeetingID: "183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1531241258036",
      createTime: 1531241258036,
      createDate: "Tue Jul 10 16:47:38 UTC 2018",
      running: false,
      recording: false,
      isBreakout: false,
      parentMeetingID: null,
      breakoutRooms: [],
      participantCount: 0,
      moderatorCount: 0,
      maxUsers: 0,
      attendees: [],
      metadata: {},
    })
  })

  it("reads several meetings with attendee lists, metadata and custom data, decoding XML entities", () => {
    const meetings = parseMeetingsXml(fixture("get-meetings-several.xml"))
    expect(meetings.map((meeting) => meeting.meetingID)).toEqual(["moodle-course-42", "team-weekly"])
    const [algebra, team] = meetings as [(typeof meetings)[0], (typeof meetings)[0]]
    expect(algebra.meetingName).toBe("Algèbre L1 & L2 <groupe A>")
    expect(algebra.metadata).toEqual({ "bbb-origin": "Moodle", "bbb-origin-server-name": "moodle.example.org", "bbb-context": 'Algèbre "L1"' })
    expect(algebra.attendees).toEqual([
      expect.objectContaining({ userID: "42", externalUserID: "42", fullName: "Jean-Éric Dupont", role: "MODERATOR", isPresenter: true, clientType: "HTML5", customdata: { bbb_show_participants_on_login: "true" } }),
      expect.objectContaining({ userID: "w_ftcrsyuh44oj", externalUserID: null, fullName: "Zoë O'Brien", role: "VIEWER", isListeningOnly: true }),
      expect.objectContaining({ userID: "v_0a1b2c3d4e5f", externalUserID: null, role: "VIEWER", hasJoinedVoice: true, clientType: "dial-in-user" }),
    ])
    expect(algebra).toMatchObject({ participantCount: 3, moderatorCount: 1, listenerCount: 1, voiceParticipantCount: 2, videoCount: 1, recording: true, running: true })
    expect(team.meetingName).toBe("Réunion d'équipe")
    expect(team.metadata).toEqual({})
    expect(team.maxUsers).toBe(100)
    expect(team.attendees.map((attendee) => attendee.externalUserID)).toEqual(["jdupont", "pmartin"])
  })

  it("reads a single attendee as a one-element list", () => {
    const [meeting] = parseMeetingsXml(fixture("get-meetings-one-attendee.xml"))
    expect(meeting?.attendees).toHaveLength(1)
    expect(meeting?.attendees[0]).toMatchObject({ userID: "1001", fullName: "Ana Souza", role: "MODERATOR" })
    expect(meeting?.metadata).toEqual({ "bbb-origin": "Pod" })
  })

  it("trims values padded with newlines and treats whitespace-only containers as empty", () => {
    const [meeting] = parseMeetingsXml(fixture("get-meetings-whitespace-padded.xml"))
    expect(meeting).toMatchObject({
      meetingName: "Padded name",
      meetingID: "padded-1",
      internalMeetingID: "7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b-1700000001000",
      createTime: 1700000001000,
      running: true,
      attendees: [],
      metadata: {},
      breakoutRooms: [],
    })
  })

  it("accepts legacy meetings without attendees, metadata, counts or maxUsers", () => {
    const [meeting] = parseMeetingsXml(fixture("get-meetings-legacy-minimal.xml"))
    expect(meeting).toMatchObject({
      meetingID: "legacy-room",
      running: true,
      createDate: null,
      attendees: [],
      metadata: {},
      maxUsers: null,
      participantCount: 0,
      moderatorCount: 0,
      isBreakout: false,
      attendeePW: "ap",
      moderatorPW: "mp",
    })
  })

  it("keeps CDATA text as written (no entity decoding inside) and trims around it", () => {
    const [meeting] = parseMeetingsXml(fixture("get-meetings-cdata.xml"))
    expect(meeting?.meetingName).toBe("Physique & Chimie <TP> &amp; co")
    expect(meeting?.internalMeetingID).toBe("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00-1700000002000")
    expect(meeting?.attendees[0]).toMatchObject({ userID: "ext-7", fullName: 'Léa "Lulu" Martin', role: "VIEWER", clientType: null })
    expect(meeting?.metadata).toEqual({ "bbb-context": "Cours <b>2</b> &amp; TD" })
  })

  it("links breakout rooms to their parent both ways", () => {
    const [main, room1, room2] = parseMeetingsXml(fixture("get-meetings-breakouts.xml"))
    expect(main).toMatchObject({
      isBreakout: false,
      parentMeetingID: null,
      breakoutRooms: ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-1700000004000", "cccccccccccccccccccccccccccccccccccccccc-1700000004001"],
    })
    expect(room1).toMatchObject({ isBreakout: true, parentMeetingID: main?.internalMeetingID, sequence: 1, freeJoin: false, breakoutRooms: [] })
    expect(room2).toMatchObject({ isBreakout: true, parentMeetingID: main?.internalMeetingID, sequence: 2, freeJoin: true, running: false })
  })

  it("reads names in any script, emoji and numeric character references", () => {
    const [meeting] = parseMeetingsXml(fixture("get-meetings-utf8-names.xml"))
    expect(meeting?.meetingName).toBe("国际会议 · Международная встреча · اجتماع دولي · Διεθνής")
    expect(meeting?.attendees.map((attendee) => attendee.fullName)).toEqual([
      "李小龙",
      "Олег Петров",
      "محمد علي",
      "Chloé 🎓 Ñúñez-Ørsted",
      'Tom & Jerry <script> "quoted" 中文',
    ])
    // role case is normalised
    expect(meeting?.attendees[3]?.role).toBe("VIEWER")
    expect(meeting?.metadata["bbb-origin-server-name"]).toBe("université.example.org")
  })

  it("reads SUCCESS + noMeetings, and an empty <meetings> container, as no meetings", () => {
    expect(splitMeetingsXml(fixture("get-meetings-no-meetings.xml"))).toEqual([])
    expect(parseMeetingsXml(fixture("get-meetings-empty-container.xml"))).toEqual([])
  })
})

describe("getMeetings failures are errors, never fewer meetings", () => {
  it("turns FAILED into a BBB_UNAVAILABLE error carrying the messageKey, whatever the wording", async () => {
    for (const name of ["failed-checksum-error.xml", "failed-checksum-error-scalelite.xml"]) {
      const error = await bbbErrorOf(() => splitMeetingsXml(fixture(name)))
      expect(error).toBeInstanceOf(AppError)
      expect(error.code).toBe("BBB_UNAVAILABLE")
      expect(error).toMatchObject({ kind: "FAILED", messageKey: "checksumError", callName: "getMeetings", isTransient: false })
    }
  })

  it("rejects a truncated answer", async () => {
    const error = await bbbErrorOf(() => parseMeetingsXml(fixture("get-meetings-truncated.xml")))
    expect(error.kind).toBe("MALFORMED_XML")
  })

  it("rejects every strict prefix of a valid answer (truncation anywhere)", () => {
    const body = fixture("get-meetings-several.xml").trimEnd()
    for (let length = 0; length < body.length; length++) {
      let chunks: unknown
      try {
        chunks = splitMeetingsXml(body.slice(0, length))
      } catch (error) {
        expect((error as { kind?: string }).kind).toMatch(/^(MALFORMED_XML|NOT_XML)$/)
        continue
      }
      throw new Error(`a body cut at ${length} characters was accepted: ${JSON.stringify(chunks).slice(0, 200)}`)
    }
  })

  it("rejects tags that do not balance", async () => {
    const error = await bbbErrorOf(() => splitMeetingsXml(fixture("get-meetings-unbalanced.xml")))
    expect(error.kind).toBe("MALFORMED_XML")
    expect(error.message).toContain("expected </attendee>")
  })

  it("rejects an HTML error page, an empty body, plain text and another root element as not XML", async () => {
    for (const body of [fixture("not-xml-proxy-error.html"), "", "   \n", "Service Unavailable", '{"returncode":"SUCCESS"}', "<html><body>oops</body></html>"]) {
      expect((await bbbErrorOf(() => splitMeetingsXml(body))).kind).toBe("NOT_XML")
    }
  })

  it("rejects a meeting that does not match the schema, naming the fields", async () => {
    const error = await bbbErrorOf(() => parseMeetingsXml(fixture("get-meetings-schema-mismatch.xml")))
    expect(error.kind).toBe("SCHEMA_MISMATCH")
    expect(error.message).toContain("createTime")
    expect(error.message).toContain("running")
    expect(error.details).toMatchObject({ internalMeetingID: "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee-1700000006000" })
  })

  it("rejects SUCCESS without a <meetings> element, and a meeting without internalMeetingID", async () => {
    expect((await bbbErrorOf(() => splitMeetingsXml("<response><returncode>SUCCESS</returncode></response>"))).kind).toBe("SCHEMA_MISMATCH")
    expect((await bbbErrorOf(() => splitMeetingsXml("<response><returncode>OK</returncode><meetings/></response>"))).kind).toBe("SCHEMA_MISMATCH")
    const noId = "<response><returncode>SUCCESS</returncode><meetings><meeting><meetingID>x</meetingID></meeting></meetings></response>"
    expect((await bbbErrorOf(() => splitMeetingsXml(noId))).kind).toBe("SCHEMA_MISMATCH")
  })

  it("rejects text or a second element after the root", async () => {
    const valid = fixture("get-meetings-no-meetings.xml")
    expect((await bbbErrorOf(() => splitMeetingsXml(`${valid}garbage`))).kind).toBe("MALFORMED_XML")
    expect((await bbbErrorOf(() => splitMeetingsXml(`${valid}<response/>`))).kind).toBe("MALFORMED_XML")
  })
})

describe("splitMeetingsXml / parseMeetingChunks", () => {
  it("cuts each <meeting> verbatim, keyed by internalMeetingID, with a hash of its bytes", () => {
    const body = fixture("get-meetings-breakouts.xml")
    const chunks = splitMeetingsXml(body)
    expect(chunks.map((chunk) => chunk.internalMeetingID)).toEqual([
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-1700000003000",
      "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-1700000004000",
      "cccccccccccccccccccccccccccccccccccccccc-1700000004001",
    ])
    for (const chunk of chunks) {
      expect(chunk.xml.startsWith("<meeting>")).toBe(true)
      expect(chunk.xml.endsWith("</meeting>")).toBe(true)
      expect(body).toContain(chunk.xml)
      expect(chunk.hash).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(new Set(chunks.map((chunk) => chunk.hash)).size).toBe(3)
  })

  it("gives an unchanged meeting the same hash and a changed one a new hash", () => {
    const body = fixture("get-meetings-several.xml")
    const before = splitMeetingsXml(body)
    const after = splitMeetingsXml(body.replace("<fullName>Paul Martin</fullName>", "<fullName>Paul Martín</fullName>"))
    expect(after[0]?.hash).toBe(before[0]?.hash)
    expect(after[1]?.hash).not.toBe(before[1]?.hash)
    expect(parseMeetingChunk(after[1]!).attendees[1]?.fullName).toBe("Paul Martín")
  })

  it("parses a batch of chunks, or a single chunk, into the same meetings as the whole answer", () => {
    const body = fixture("get-meetings-utf8-names.xml") // one meeting
    const several = fixture("get-meetings-several.xml")
    const chunks = [...splitMeetingsXml(several), ...splitMeetingsXml(body)]
    const batch = parseMeetingChunks(chunks)
    expect(batch).toEqual([...parseMeetingsXml(several), ...parseMeetingsXml(body)])
    expect(parseMeetingChunk(chunks[2]!)).toEqual(batch[2])
    expect(parseMeetingChunk(chunks[2]!.xml)).toEqual(batch[2])
    expect(parseMeetingChunks([])).toEqual([])
  })

  it("ignores a <meeting> element nested in metadata, and keeps unsafe metadata keys as plain keys", () => {
    const body =
      "<response><returncode>SUCCESS</returncode><meetings><meeting><meetingName>M</meetingName><meetingID>m</meetingID>" +
      "<internalMeetingID>id-1</internalMeetingID><createTime>1</createTime><running>true</running>" +
      "<metadata><meeting>nested</meeting><__proto__>p</__proto__><constructor>c</constructor><toString>t</toString></metadata>" +
      "</meeting></meetings></response>"
    const chunks = splitMeetingsXml(body)
    expect(chunks).toHaveLength(1)
    const meeting = parseMeetingChunk(chunks[0]!)
    expect(Object.getPrototypeOf(meeting.metadata)).toBe(Object.prototype)
    expect(Object.entries(meeting.metadata)).toEqual([
      ["meeting", "nested"],
      ["__proto__", "p"],
      ["constructor", "c"],
      ["toString", "t"],
    ])
  })

  it("reads counts printed with grouping separators (FreeMarker without ?c)", () => {
    const body =
      "<response><returncode>SUCCESS</returncode><meetings><meeting><meetingName>Big</meetingName><meetingID>big</meetingID>" +
      "<internalMeetingID>id-big</internalMeetingID><createTime>1700000000000</createTime><running>true</running>" +
      "<participantCount>1,234</participantCount><maxUsers>2 000</maxUsers></meeting></meetings></response>"
    expect(parseMeetingsXml(body)[0]).toMatchObject({ participantCount: 1234, maxUsers: 2000 })
  })

  it("refuses input that is not one <meeting> element per chunk", async () => {
    expect((await bbbErrorOf(() => parseMeetingChunks(["<meeting><meetingID>a</meetingID></meeting><meeting/>"]))).kind).toBe("MALFORMED_XML")
  })
})

describe("getMeetingInfo / isMeetingRunning answers", () => {
  it("reads the example of the BBB documentation", () => {
    const meeting = parseMeetingInfoXml(fixture("get-meeting-info-docs-example.xml"))
    expect(meeting).toMatchObject({
      meetingName: "Anton G's Room",
      meetingID: "gbesu6dht08uobpislzqxsizjzihn87cmewqyacs",
      internalMeetingID: "a0715c95000a2bcb90604ecc7097dbc94592c690-1715261728123",
      running: true,
      recording: true,
      participantCount: 1,
      moderatorCount: 1,
      isBreakout: false,
    })
    expect(meeting.attendees).toEqual([expect.objectContaining({ userID: "w_ftcrsyuh44oj", externalUserID: null, fullName: "Anton G", role: "MODERATOR", customdata: {} })])
    expect(meeting.metadata["bbb-origin"]).toBe("greenlight")
  })

  it("reads the nested <breakout> parent link of a breakout room", () => {
    expect(parseMeetingInfoXml(fixture("get-meeting-info-breakout-child.xml"))).toMatchObject({
      isBreakout: true,
      parentMeetingID: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-1700000003000",
      sequence: 1,
      freeJoin: false,
    })
  })

  it("throws FAILED notFound for an unknown meeting", async () => {
    const error = await bbbErrorOf(() => parseMeetingInfoXml(fixture("get-meeting-info-not-found.xml")))
    expect(error).toMatchObject({ kind: "FAILED", messageKey: "notFound", callName: "getMeetingInfo" })
  })

  it("reads isMeetingRunning", () => {
    expect(parseIsMeetingRunningXml(fixture("is-meeting-running.xml"))).toBe(true)
    expect(parseIsMeetingRunningXml("<response><returncode>SUCCESS</returncode><running>false</running></response>")).toBe(false)
  })
})
