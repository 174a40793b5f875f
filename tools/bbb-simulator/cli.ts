// Drives a running simulator from the shell: npx tsx tools/bbb-simulator/cli.ts <command> [options]
// (run `... cli.ts help` for the list). Talks to --url, BBB_SIM_URL or http://127.0.0.1:<BBB_SIM_PORT|8090>.
import { parseArgs } from "node:util"

import { createSimulatorControlClient } from "./control-client"
import type { AddFaultInput, SimFault } from "./schemas"

const HELP = `Usage: npx tsx tools/bbb-simulator/cli.ts <command> [options] [--url http://127.0.0.1:8090]

Meetings
  create --name <name> [--id <meetingID>] [--moderators <n>] [--viewers <n>] [--record] [--not-running]
         [--meta key=value ...] [--parent <meetingID>]
  end <meetingID>
  show <meetingID>
  add-attendee <meetingID> --name <fullName> [--role MODERATOR|VIEWER] [--user-id <id>]
  remove-attendee <meetingID> <userID>
Recordings
  add-recording <meetingID> [--name <name>] [--state published] [--formats presentation,video] [--record-id <id>]
  recordings
Load
  load [--meetings 1000] [--attendees 50] [--moderators 2] [--prefix load] [--record]
  churn [--meetings 10]
Faults (until cleared, or for the next --times calls; --call getMeetings|getMeetingInfo|...|* )
  fault delay --ms <ms>        fault hang                 fault reset
  fault http-error [--status 500]                         fault failed --message-key <key>
  fault malformed [--variant truncated|unbalanced|not-xml|empty]
  faults                       clear-faults
Other
  state    calls    reset    health`

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: "string" },
      name: { type: "string" },
      id: { type: "string" },
      moderators: { type: "string" },
      viewers: { type: "string" },
      record: { type: "boolean", default: false },
      "not-running": { type: "boolean", default: false },
      meta: { type: "string", multiple: true },
      parent: { type: "string" },
      role: { type: "string" },
      "user-id": { type: "string" },
      state: { type: "string" },
      formats: { type: "string" },
      "record-id": { type: "string" },
      meetings: { type: "string" },
      attendees: { type: "string" },
      prefix: { type: "string" },
      call: { type: "string" },
      times: { type: "string" },
      ms: { type: "string" },
      status: { type: "string" },
      "message-key": { type: "string" },
      variant: { type: "string" },
      help: { type: "boolean", default: false },
    },
  })
  const [command, ...args] = positionals
  if (!command || command === "help" || values.help) {
    console.log(HELP)
    return
  }
  const url = values.url ?? process.env.BBB_SIM_URL ?? `http://127.0.0.1:${process.env.BBB_SIM_PORT ?? "8090"}`
  const sim = createSimulatorControlClient(url)
  const int = (value: string | undefined, fallback?: number) => {
    if (value === undefined) return fallback
    const parsed = Number(value)
    if (!Number.isInteger(parsed)) throw new Error(`not an integer: ${value}`)
    return parsed
  }
  const arg = (index: number, what: string) => {
    const value = args[index]
    if (!value) throw new Error(`${command} needs <${what}>`)
    return value
  }
  const print = (value: unknown) => console.log(JSON.stringify(value, null, 2))

  switch (command) {
    case "create": {
      if (!values.name) throw new Error("create needs --name")
      const moderators = int(values.moderators, 1) ?? 1
      const viewers = int(values.viewers, 0) ?? 0
      const metadata = Object.fromEntries(
        (values.meta ?? []).map((pair) => {
          const at = pair.indexOf("=")
          if (at < 1) throw new Error(`--meta expects key=value, got "${pair}"`)
          return [pair.slice(0, at), pair.slice(at + 1)]
        }),
      )
      const attendees = [
        ...Array.from({ length: moderators }, (_, i) => ({ fullName: `Moderator ${i + 1}`, role: "MODERATOR" as const, userID: `mod-${i + 1}` })),
        ...Array.from({ length: viewers }, (_, i) => ({ fullName: `Viewer ${i + 1}`, role: "VIEWER" as const, userID: `viewer-${i + 1}` })),
      ]
      return print(
        await sim.createMeeting({
          name: values.name,
          meetingID: values.id,
          record: values.record,
          running: !values["not-running"],
          metadata,
          attendees,
          parentMeetingID: values.parent,
        }),
      )
    }
    case "end":
      return print(await sim.endMeeting(arg(0, "meetingID")))
    case "show":
      return print(await sim.getMeeting(arg(0, "meetingID")))
    case "add-attendee":
      if (!values.name) throw new Error("add-attendee needs --name")
      return print(await sim.addAttendee(arg(0, "meetingID"), { fullName: values.name, role: values.role ?? "VIEWER", userID: values["user-id"] }))
    case "remove-attendee":
      return print(await sim.removeAttendee(arg(0, "meetingID"), arg(1, "userID")))
    case "add-recording":
      return print(
        await sim.addRecording({
          meetingID: arg(0, "meetingID"),
          name: values.name,
          recordID: values["record-id"],
          state: (values.state as "published" | undefined) ?? "published",
          formats: (values.formats ?? "presentation").split(",").filter(Boolean),
        }),
      )
    case "recordings":
      return print(await sim.listRecordings())
    case "load":
      return print(
        await sim.generateLoad({
          meetings: int(values.meetings),
          attendeesPerMeeting: int(values.attendees),
          moderatorsPerMeeting: int(values.moderators),
          prefix: values.prefix,
          record: values.record,
        }),
      )
    case "churn":
      return print(await sim.churn({ meetings: int(values.meetings) }))
    case "fault": {
      const type = arg(0, "type")
      const faults: Record<string, () => SimFault> = {
        delay: () => ({ type: "delay", ms: int(values.ms) ?? 5_000 }),
        hang: () => ({ type: "hang" }),
        reset: () => ({ type: "reset" }),
        "http-error": () => ({ type: "http-error", status: int(values.status) ?? 500 }),
        failed: () => {
          if (!values["message-key"]) throw new Error("fault failed needs --message-key")
          return { type: "failed", messageKey: values["message-key"] }
        },
        malformed: () => ({ type: "malformed", variant: (values.variant as "truncated" | undefined) ?? "truncated" }),
      }
      const make = faults[type]
      if (!make) throw new Error(`unknown fault "${type}" (${Object.keys(faults).join(", ")})`)
      const input: AddFaultInput = { call: values.call ?? "*", fault: make(), times: int(values.times) }
      return print(await sim.addFault(input))
    }
    case "faults":
      return print(await sim.listFaults())
    case "clear-faults":
      return print(await sim.clearFaults())
    case "state":
      return print(await sim.getState())
    case "calls":
      return print(await sim.getCalls())
    case "reset":
      return print(await sim.reset())
    case "health":
      return print(await sim.health())
    default:
      throw new Error(`unknown command "${command}"; run with "help"`)
  }
}

main().catch((error: unknown) => {
  console.error(`bbb-simulator: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
