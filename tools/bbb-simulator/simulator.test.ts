// The simulator in-process (port 0), driven through its control API and read back with the real BBB client.
import { readFile } from "node:fs/promises"

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

import { signQuery } from "@/lib/bbb/checksum"
import { createBbbClient } from "@/lib/bbb/client"
import { BbbError } from "@/lib/bbb/errors"
import type { ChecksumAlgorithm } from "@/lib/bbb/schemas"

import { type SimulatorControlClient, SimulatorControlError, createSimulatorControlClient } from "./control-client"
import { type BbbSimulator, startBbbSimulator } from "./server"

const SECRET = "simulator-test-secret"

let sim: BbbSimulator
let control: SimulatorControlClient

beforeAll(async () => {
  sim = await startBbbSimulator({ port: 0, secret: SECRET })
  control = createSimulatorControlClient(sim.url)
})
afterAll(async () => {
  await sim.close()
})
beforeEach(async () => {
  await control.reset()
})

function client(options: { secret?: string; timeoutMs?: number; checksumAlgorithm?: ChecksumAlgorithm } = {}) {
  return createBbbClient({ serverUrl: sim.url, secret: options.secret ?? SECRET, timeoutMs: options.timeoutMs ?? 5_000, checksumAlgorithm: options.checksumAlgorithm })
}

/** A signed BBB API URL, for calls the client does not make (create, join). */
function apiUrl(callName: string, params: Record<string, string>, algorithm: ChecksumAlgorithm = "sha1"): string {
  return `${sim.apiUrl}${callName}?${signQuery({ callName, params, secret: SECRET, algorithm })}`
}

async function errorOf(action: () => Promise<unknown>): Promise<BbbError> {
  try {
    await action()
  } catch (error) {
    if (error instanceof BbbError) return error
    throw error
  }
  throw new Error("expected a BbbError")
}

const TRICKY_NAMES = ["Tom & Jerry <script>", `Zoë "Zozo" O'Brien`, "李小龙", "Олег Петров", "محمد علي", "Chloé 🎓 Ñúñez"]

describe("meetings through the control API, read with the client", () => {
  it("serves created meetings with attendees, metadata and escaped names in any script", async () => {
    await control.createMeeting({
      meetingID: "algebra & co",
      name: "Algèbre <L1> & \"L2\"",
      record: true,
      metadata: { "bbb-origin": "Pod", "bbb-context": "Cours n°1 & TD" },
      attendees: [
        { fullName: TRICKY_NAMES[0] as string, role: "MODERATOR", userID: "teacher-1" },
        ...TRICKY_NAMES.slice(1).map((fullName, index) => ({ fullName, role: "VIEWER" as const, userID: index % 2 ? undefined : `student-${index}` })),
      ],
    })
    const [meeting, ...others] = await client().getMeetings()
    expect(others).toHaveLength(0)
    expect(meeting).toMatchObject({
      meetingID: "algebra & co",
      meetingName: 'Algèbre <L1> & "L2"',
      running: true,
      recording: true,
      participantCount: TRICKY_NAMES.length,
      moderatorCount: 1,
      metadata: { "bbb-origin": "Pod", "bbb-context": "Cours n°1 & TD" },
    })
    expect(meeting?.attendees.map((attendee) => attendee.fullName)).toEqual(TRICKY_NAMES)
    expect(meeting?.attendees[0]).toMatchObject({ role: "MODERATOR", isPresenter: true, userID: "teacher-1", externalUserID: "teacher-1" })
    // attendees without an external id get a BBB-like internal id, which the client does not take for an external one
    expect(meeting?.attendees[2]?.userID).toMatch(/^w_[a-z0-9]{12}$/)
    expect(meeting?.attendees[2]?.externalUserID).toBeNull()

    const info = await client().getMeetingInfo("algebra & co")
    expect(info).toEqual(meeting)
    expect(await client().isMeetingRunning("algebra & co")).toBe(true)
    expect(await client().isMeetingRunning("nope")).toBe(false)
    expect(await client().getMeetingInfo("nope")).toBeNull()
  })

  it("answers noMeetings when empty, and reflects added and removed attendees and ended meetings", async () => {
    expect(await client().getMeetings()).toEqual([])
    await control.createMeeting({ meetingID: "m1", name: "One", attendees: [{ fullName: "Teacher", role: "MODERATOR", userID: "t1" }] })
    await control.addAttendee("m1", { fullName: "Student", userID: "s1" })
    expect((await client().getMeetingInfo("m1"))?.attendees.map((attendee) => attendee.userID)).toEqual(["t1", "s1"])
    await control.removeAttendee("m1", "s1")
    expect((await client().getMeetingInfo("m1"))?.participantCount).toBe(1)
    await control.endMeeting("m1")
    expect(await client().getMeetings()).toEqual([])
  })

  it("models breakout rooms and ends them with their parent", async () => {
    const parent = await control.createMeeting({ meetingID: "main", name: "Main", attendees: [{ fullName: "T", role: "MODERATOR" }] })
    await control.createMeeting({ meetingID: "room-1", name: "Main (Room 1)", parentMeetingID: "main" })
    const meetings = await client().getMeetings()
    const main = meetings.find((meeting) => meeting.meetingID === "main")
    const room = meetings.find((meeting) => meeting.meetingID === "room-1")
    expect(main?.breakoutRooms).toEqual([room?.internalMeetingID])
    expect(room).toMatchObject({ isBreakout: true, parentMeetingID: parent.internalMeetingID, sequence: 1 })
    await client().endMeeting({ meetingID: "main" })
    expect(await client().getMeetings()).toEqual([])
  })

  it("changes only the chunk of the meeting that changed, and caches the whole answer", async () => {
    await control.generateLoad({ meetings: 20, attendeesPerMeeting: 5, seed: 7 })
    const before = await client().getMeetingChunks()
    expect(sim.state.getMeetingsBody()).toBe(sim.state.getMeetingsBody())
    const { meetingIDs } = await control.churn({ meetings: 3, seed: 3 })
    const after = await client().getMeetingChunks()
    const changed = after.filter((chunk, index) => chunk.hash !== before[index]?.hash)
    expect(changed).toHaveLength(3)
    const changedIds = (await client().getMeetings()).filter((meeting) => changed.some((chunk) => chunk.internalMeetingID === meeting.internalMeetingID)).map((meeting) => meeting.meetingID)
    expect(changedIds.sort()).toEqual([...meetingIDs].sort())
  })

  it("generates deterministic load with tricky names", async () => {
    const result = await control.generateLoad({ meetings: 30, attendeesPerMeeting: 10, moderatorsPerMeeting: 2, seed: 42 })
    expect(result.created).toBe(30)
    const meetings = await client().getMeetings()
    expect(meetings).toHaveLength(30)
    expect(meetings.every((meeting) => meeting.running && meeting.attendees.length === 10 && meeting.moderatorCount === 2)).toBe(true)
    const names = meetings.flatMap((meeting) => meeting.attendees.map((attendee) => attendee.fullName))
    expect(names.some((name) => /[^\u0000-\u007f]/.test(name))).toBe(true)
    const again = sim.state.getMeetingsBody().toString("utf8")
    await control.reset()
    await control.generateLoad({ meetings: 30, attendeesPerMeeting: 10, moderatorsPerMeeting: 2, seed: 42 })
    expect((await client().getMeetings()).map((meeting) => meeting.attendees.map((attendee) => attendee.fullName))).toEqual(
      meetings.map((meeting) => meeting.attendees.map((attendee) => attendee.fullName)),
    )
    expect(again.length).toBeGreaterThan(0)
  })
})

describe("BBB API calls", () => {
  it("create is idempotent (duplicateWarning), join adds attendees and starts the meeting, end removes it", async () => {
    const create = apiUrl("create", { meetingID: "api-1", name: "Réunion & co", record: "true", meta_bbb_origin: "Pod", attendeePW: "ap", moderatorPW: "mp" })
    const first = await (await fetch(create)).text()
    expect(first).toContain("<returncode>SUCCESS</returncode>")
    expect(first).not.toContain("duplicateWarning")
    expect(await (await fetch(create)).text()).toContain("<messageKey>duplicateWarning</messageKey>")
    expect(await client().isMeetingRunning("api-1")).toBe(false)

    const join = await fetch(apiUrl("join", { meetingID: "api-1", fullName: "Zoë & Co", role: "moderator", userID: "ext-9" }), { redirect: "manual" })
    expect(join.status).toBe(302)
    expect(join.headers.get("location")).toContain("/_sim/client")
    const joinXml = await (await fetch(apiUrl("join", { meetingID: "api-1", fullName: "Viewer", password: "ap", redirect: "false" }))).text()
    expect(joinXml).toContain("<messageKey>successfullyJoined</messageKey>")
    const wrong = await (await fetch(apiUrl("join", { meetingID: "api-1", fullName: "X", password: "nope", redirect: "false" }))).text()
    expect(wrong).toContain("<returncode>FAILED</returncode>")

    const meeting = await client().getMeetingInfo("api-1")
    expect(meeting).toMatchObject({ running: true, recording: true, metadata: { bbb_origin: "Pod" }, attendeePW: "ap", moderatorPW: "mp" })
    expect(meeting?.attendees.map((attendee) => [attendee.fullName, attendee.role, attendee.externalUserID])).toEqual([
      ["Zoë & Co", "MODERATOR", "ext-9"],
      ["Viewer", "VIEWER", null],
    ])

    await client().endMeeting({ meetingID: "api-1", password: "mp" })
    expect(await client().getMeetingInfo("api-1")).toBeNull()
    expect(await errorOf(() => client().endMeeting({ meetingID: "api-1" }))).toMatchObject({ kind: "FAILED", messageKey: "notFound" })
    // a recorded meeting leaves a recording behind
    expect((await client().getRecordings({ meetingID: "api-1" })).recordings).toHaveLength(1)
  })

  it("answers the unsigned version call at the API root", async () => {
    expect(await client().getVersion()).toEqual({ version: "2.0", apiVersion: "2.0", bbbVersion: "simulator" })
  })

  it("answers checksumError for a wrong secret, a missing or altered checksum", async () => {
    await control.createMeeting({ meetingID: "m", name: "M" })
    const error = await errorOf(() => client({ secret: "wrong" }).getMeetings())
    expect(error).toMatchObject({ kind: "FAILED", messageKey: "checksumError", isTransient: false })
    expect(await (await fetch(`${sim.apiUrl}getMeetings`)).text()).toContain("<messageKey>checksumError</messageKey>")
    const tampered = apiUrl("getMeetingInfo", { meetingID: "m" }).replace("meetingID=m", "meetingID=n")
    expect(await (await fetch(tampered)).text()).toContain("<messageKey>checksumError</messageKey>")
  })

  it.each(["sha1", "sha256", "sha384", "sha512"] as const)("accepts %s checksums", async (checksumAlgorithm) => {
    await control.createMeeting({ meetingID: "m", name: "M" })
    expect(await client({ checksumAlgorithm }).getMeetings()).toHaveLength(1)
  })

  it("refuses algorithms it was not configured for", async () => {
    const strict = await startBbbSimulator({ port: 0, secret: SECRET, checksumAlgorithms: ["sha256"] })
    try {
      const options = { serverUrl: strict.url, secret: SECRET }
      expect(await createBbbClient({ ...options, checksumAlgorithm: "sha256" }).getMeetings()).toEqual([])
      expect((await errorOf(() => createBbbClient({ ...options, checksumAlgorithm: "sha1" }).getMeetings())).messageKey).toBe("checksumError")
    } finally {
      await strict.close()
    }
  })
})

describe("recordings", () => {
  async function addRecordings(count: number): Promise<string[]> {
    const ids: string[] = []
    for (let i = 0; i < count; i++) {
      const recording = await control.addRecording({
        meetingID: i % 2 ? "odd" : "even",
        name: `Séance ${i} & co`,
        startTime: 1_700_000_000_000 + i * 1_000,
        formats: i === 0 ? ["presentation", "video", { type: "podcast", length: 3 }] : ["presentation"],
        metadata: { "bbb-origin-server-name": i < 3 ? "moodle.example.org" : "other.example.org" },
      })
      ids.push(recording.recordID)
    }
    return ids
  }

  it.each(["pagination-element", "total-elements", "ignore"] as const)("getRecordings reads every recording when pagination is %s", async (mode) => {
    sim.state.recordingsPagination = mode
    try {
      const ids = await addRecordings(7)
      const result = await client().getRecordings({}, { pageSize: 3 })
      expect(result.recordings.map((recording) => recording.recordID)).toEqual(ids)
      const calls = (await control.getCalls()).getRecordings
      expect(calls).toBe(mode === "ignore" ? 1 : 3)
    } finally {
      sim.state.recordingsPagination = "pagination-element"
    }
  })

  it("filters by meetingID, recordID prefix, state and metadata (with % wildcards)", async () => {
    const ids = await addRecordings(6)
    await control.addRecording({ meetingID: "even", state: "unpublished" })
    await control.addRecording({ meetingID: "even", state: "processing" })
    const c = client()
    expect((await c.getRecordings({ meetingID: "odd" })).recordings).toHaveLength(3)
    expect((await c.getRecordings({ meetingID: ["odd", "even"] })).recordings).toHaveLength(7)
    expect((await c.getRecordings({ meetingID: "even", state: "any" })).recordings).toHaveLength(5)
    expect((await c.getRecordings({ recordID: [ids[1] as string, (ids[2] as string).slice(0, 20)] })).recordings).toHaveLength(2)
    expect((await c.getRecordings({ meta: { "bbb-origin-server-name": "moodle.example.org" } })).recordings).toHaveLength(3)
    expect((await c.getRecordings({ meta: { "bbb-origin-server-name": "%.example.org" } })).recordings).toHaveLength(6)
    const [first] = (await c.getRecordings({ recordID: ids[0] as string })).recordings
    expect(first?.name).toBe("Séance 0 & co")
    expect(first?.playback.map((format) => format.type)).toEqual(["presentation", "video", "podcast"])
    expect((await c.getRecordings({ meetingID: "none" })).recordings).toEqual([])
  })

  it("a recording of a session carries its internal meeting id, as BBB's does (also one added by hand to a running session)", async () => {
    await control.createMeeting({ meetingID: "recorded-session", name: "Cours enregistré", record: true, attendees: [{ fullName: "Hélène Lefèvre", role: "MODERATOR" }] })
    const internal = (await client().getMeetings()).find((m) => m.meetingID === "recorded-session")!.internalMeetingID
    const first = await control.addRecording({ meetingID: "recorded-session", formats: ["presentation", "video"] })
    const second = await control.addRecording({ meetingID: "recorded-session" })
    const past = await control.addRecording({ meetingID: "past-session", internalMeetingID: "past-internal-id-1" })
    expect(first.recordID).toBe(internal)
    expect(second.recordID.startsWith(`${internal}-`)).toBe(true)
    expect(past.recordID).toBe("past-internal-id-1")
    const { recordings } = await client().getRecordings({ state: "any" })
    expect(recordings.find((r) => r.recordID === second.recordID)?.internalMeetingID).toBe(internal)
    expect(recordings.find((r) => r.recordID === past.recordID)?.internalMeetingID).toBe("past-internal-id-1")
  })

  it("generates old recordings: playbacks, Moodle metadata, breakout children, awkward names; same seed, same ids", async () => {
    const { created, recordIDs } = await control.generateRecordings({ count: 300, seed: 7 })
    expect(created).toBe(300)
    const { recordings } = await client().getRecordings({ state: "any" }, { pageSize: 100 })
    expect(recordings.map((recording) => recording.recordID).sort()).toEqual([...recordIDs].sort())
    expect(recordings.filter((recording) => recording.playback.some((format) => format.type === "video")).length).toBeGreaterThan(50)
    expect(recordings.filter((recording) => recording.playback.every((format) => format.type === "presentation")).length).toBeGreaterThan(50)
    expect(new Set(recordings.map((recording) => recording.metadata["bbb-origin-server-name"]).filter(Boolean)).size).toBe(4)
    const breakouts = recordings.filter((recording) => recording.isBreakout)
    expect(breakouts.length).toBeGreaterThan(10)
    expect(breakouts.every((child) => recordings.some((main) => main.internalMeetingID === child.parentMeetingID))).toBe(true)
    expect(recordings.some((recording) => recording.name.includes(";") && recording.name.includes('"'))).toBe(true)
    expect(recordings.some((recording) => /講義/.test(recording.name))).toBe(true)
    await control.reset()
    expect((await control.generateRecordings({ count: 300, seed: 7 })).recordIDs).toEqual(recordIDs)
  })

  it("serves a video playback file, and breaks it on a playback fault", async () => {
    const video = await control.addRecording({ meetingID: "v", formats: ["presentation", "video"] })
    const slides = await control.addRecording({ meetingID: "p", formats: ["presentation"] })
    const [recording] = (await client().getRecordings({ recordID: video.recordID })).recordings
    const url = `${recording!.playback.find((format) => format.type === "video")!.url}video-0.m4v`
    const response = await fetch(url)
    expect(response.status).toBe(200)
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(bytes.subarray(4, 8).toString()).toBe("ftyp")
    // a real video (browsers play it), then a `free` box proper to the recording
    const sample = await readFile(new URL("./playback-video.mp4", import.meta.url))
    expect(bytes.subarray(0, sample.length)).toEqual(sample)
    expect(bytes.readUInt32BE(sample.length)).toBe(bytes.length - sample.length)
    expect(bytes.subarray(sample.length + 4, sample.length + 8).toString()).toBe("free")
    expect((await fetch(`${sim.url}/playback/video/${slides.recordID}/video-0.m4v`)).status).toBe(404)
    await control.addFault({ call: "playback", fault: { type: "http-error", status: 503 }, times: 1 })
    expect((await fetch(url)).status).toBe(503)
    expect((await fetch(url)).status).toBe(200)
  })
})

describe("faults", () => {
  beforeEach(async () => {
    await control.createMeeting({ meetingID: "m", name: "M", attendees: [{ fullName: "T", role: "MODERATOR" }] })
  })

  it("after: lets the first calls through, then fails (a server failing mid-way)", async () => {
    await control.addFault({ call: "getMeetings", fault: { type: "http-error", status: 500 }, times: 1, after: 2 })
    expect(await client().getMeetings()).toHaveLength(1)
    expect(await client().getMeetings()).toHaveLength(1)
    expect((await errorOf(() => client().getMeetings())).kind).toBe("HTTP_STATUS")
    expect(await client().getMeetings()).toHaveLength(1)
  })

  it("hang: the client times out", async () => {
    await control.addFault({ call: "getMeetings", fault: { type: "hang" } })
    expect((await errorOf(() => client({ timeoutMs: 200 }).getMeetings())).kind).toBe("TIMEOUT")
  })

  it("delay: slower than the timeout fails, within it succeeds", async () => {
    await control.addFault({ call: "getMeetings", fault: { type: "delay", ms: 400 }, times: 2 })
    expect((await errorOf(() => client({ timeoutMs: 100 }).getMeetings())).kind).toBe("TIMEOUT")
    expect(await client({ timeoutMs: 5_000 }).getMeetings()).toHaveLength(1)
  })

  it("reset: a network error", async () => {
    await control.addFault({ call: "*", fault: { type: "reset" } })
    expect((await errorOf(() => client().getMeetings())).kind).toBe("NETWORK")
  })

  it("http-error: HTTP 500", async () => {
    await control.addFault({ fault: { type: "http-error", status: 500 } })
    expect(await errorOf(() => client().getMeetings())).toMatchObject({ kind: "HTTP_STATUS", httpStatus: 500 })
  })

  it("failed: FAILED with the given messageKey", async () => {
    await control.addFault({ call: "getMeetingInfo", fault: { type: "failed", messageKey: "internalError" } })
    expect(await errorOf(() => client().getMeetingInfo("m"))).toMatchObject({ kind: "FAILED", messageKey: "internalError" })
    expect(await client().getMeetings()).toHaveLength(1) // other calls unaffected
  })

  it.each([
    ["truncated", "MALFORMED_XML"],
    ["unbalanced", "MALFORMED_XML"],
    ["not-xml", "NOT_XML"],
    ["empty", "NOT_XML"],
  ] as const)("malformed %s: %s, never fewer meetings", async (variant, kind) => {
    await control.generateLoad({ meetings: 5, attendeesPerMeeting: 3 })
    await control.addFault({ call: "getMeetings", fault: { type: "malformed", variant } })
    expect((await errorOf(() => client().getMeetings())).kind).toBe(kind)
  })

  it("applies per call or globally, for N calls or until cleared", async () => {
    const rule = await control.addFault({ call: "isMeetingRunning", fault: { type: "http-error", status: 503 }, times: 1 })
    expect(rule).toMatchObject({ call: "isMeetingRunning", remaining: 1 })
    expect((await errorOf(() => client().isMeetingRunning("m"))).httpStatus).toBe(503)
    expect(await client().isMeetingRunning("m")).toBe(true)

    await control.addFault({ fault: { type: "failed", messageKey: "maintenance" } })
    expect((await errorOf(() => client().getMeetings())).messageKey).toBe("maintenance")
    expect((await errorOf(() => client().getMeetings())).messageKey).toBe("maintenance")
    expect(await control.listFaults()).toHaveLength(1)
    await control.clearFaults()
    expect(await client().getMeetings()).toHaveLength(1)
  })
})

describe("control API", () => {
  it("reports state and call counts, and rejects bad input clearly", async () => {
    await control.createMeeting({ meetingID: "m", name: "M", attendees: [{ fullName: "A", role: "viewer" }] })
    await client().getMeetings()
    const state = await control.getState()
    expect(state.meetings).toEqual([expect.objectContaining({ meetingID: "m", participantCount: 1, moderatorCount: 0, running: true })])
    expect(state.calls).toEqual({ getMeetings: 1 })
    expect((await control.getMeeting("m")).attendees[0]).toMatchObject({ fullName: "A", role: "VIEWER" })

    await expect(control.createMeeting({ meetingID: "m", name: "again" })).rejects.toMatchObject({ status: 409 })
    await expect(control.getMeeting("nope")).rejects.toBeInstanceOf(SimulatorControlError)
    await expect(control.addAttendee("nope", { fullName: "x" })).rejects.toMatchObject({ status: 404 })
    // @ts-expect-error: deliberately invalid input
    await expect(control.createMeeting({ meetingID: "x" })).rejects.toMatchObject({ status: 400 })
    await expect(control.addFault({ fault: { type: "delay", ms: -1 } })).rejects.toMatchObject({ status: 400 })
  })
})

describe("sendChatMessage (BBB 3.0)", () => {
  it("posts to a running meeting's public chat, verifying the checksum, and records what it got", async () => {
    await control.createMeeting({ meetingID: "chat-room", name: "Chat room" })
    await client().sendChatMessage({ meetingID: "chat-room", message: "Bonjour & <salut> 🎓", userName: "Zoë O'Brien" })
    await client().sendChatMessage({ meetingID: "chat-room", message: "no name" })
    expect(sim.state.listChatMessages("chat-room")).toMatchObject([
      { meetingID: "chat-room", message: "Bonjour & <salut> 🎓", userName: "Zoë O'Brien" },
      { meetingID: "chat-room", message: "no name", userName: "System" },
    ])
    const read = (await (await fetch(`${sim.url}/_sim/chat?meetingID=chat-room`)).json()) as { message: string }[]
    expect(read.map((m) => m.message)).toEqual(["Bonjour & <salut> 🎓", "no name"])
  })

  it("answers FAILED to a wrong checksum, an unknown meeting and bad messages, recording nothing", async () => {
    await control.createMeeting({ meetingID: "chat-room", name: "Chat room" })
    expect((await errorOf(() => client({ secret: "wrong" }).sendChatMessage({ meetingID: "chat-room", message: "hi" }))).messageKey).toBe("checksumError")
    expect((await errorOf(() => client().sendChatMessage({ meetingID: "nowhere", message: "hi" }))).messageKey).toBe("notFound")
    const tooLong = await (await fetch(apiUrl("sendChatMessage", { meetingID: "chat-room", message: "x".repeat(501) }))).text()
    expect(tooLong).toContain("<messageKey>invalidParamMessage</messageKey>")
    const empty = await (await fetch(apiUrl("sendChatMessage", { meetingID: "chat-room", message: "" }))).text()
    expect(empty).toContain("<messageKey>missingParamMessage</messageKey>")
    expect(sim.state.listChatMessages()).toEqual([])
  })
})
