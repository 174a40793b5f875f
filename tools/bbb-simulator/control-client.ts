// Typed client of the simulator's control API (/_sim/...), for tests, e2e and benches that drive a simulator
// running in another process. In-process users can call `simulator.state` directly instead.
import type {
  AddAttendeeInput,
  AddFaultInput,
  AddRecordingInput,
  RecordingsLoadInput,
  RoomChatInput,
  ChurnInput,
  CreateMeetingInput,
  LoadInput,
  SimAttendeeView,
  SimFaultRule,
  SimMeetingDetail,
  SimRecordingView,
  SimStateView,
} from "./schemas"

export class SimulatorControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message)
    this.name = "SimulatorControlError"
  }
}

export type SimulatorControlClient = ReturnType<typeof createSimulatorControlClient>

/** `baseUrl` is the simulator root (e.g. http://127.0.0.1:8090), as startBbbSimulator returns in `url`. */
export function createSimulatorControlClient(baseUrl: string, options: { timeoutMs?: number } = {}) {
  const root = baseUrl.replace(/\/+$/, "")
  const timeoutMs = options.timeoutMs ?? 30_000

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${root}/_sim${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    const parsed: unknown = text ? JSON.parse(text) : undefined
    if (!response.ok) {
      const message = typeof parsed === "object" && parsed !== null && "error" in parsed ? String((parsed as { error: unknown }).error) : text
      throw new SimulatorControlError(response.status, `simulator ${method} ${path}: ${response.status} ${message}`, parsed)
    }
    return parsed as T
  }

  const id = (value: string) => encodeURIComponent(value)

  return {
    health: () => request<{ ok: true }>("GET", "/health"),
    getState: () => request<SimStateView>("GET", "/state"),
    getCalls: () => request<Record<string, number>>("GET", "/calls"),
    reset: () => request<{ ok: true }>("POST", "/reset"),

    createMeeting: (input: CreateMeetingInput) => request<SimMeetingDetail>("POST", "/meetings", input),
    getMeeting: (meetingID: string) => request<SimMeetingDetail>("GET", `/meetings/${id(meetingID)}`),
    endMeeting: (meetingID: string) => request<{ ok: true }>("DELETE", `/meetings/${id(meetingID)}`),
    addAttendee: (meetingID: string, input: AddAttendeeInput) => request<SimAttendeeView>("POST", `/meetings/${id(meetingID)}/attendees`, input),
    /** A participant writes in the room's public chat. */
    postRoomChat: (meetingID: string, input: RoomChatInput) => request<{ ok: true }>("POST", `/meetings/${id(meetingID)}/chat`, input),
    /** The room's public chat, oldest first (sendChatMessage and postRoomChat). */
    listRoomChat: (meetingID?: string) => request<{ meetingID: string; message: string; userName: string; receivedAt: string }[]>("GET", `/chat${meetingID ? `?meetingID=${id(meetingID)}` : ""}`),
    removeAttendee: (meetingID: string, userID: string) =>
      request<{ removed: number }>("DELETE", `/meetings/${id(meetingID)}/attendees/${id(userID)}`),

    listRecordings: () => request<SimRecordingView[]>("GET", "/recordings"),
    addRecording: (input: AddRecordingInput) => request<SimRecordingView>("POST", "/recordings", input),
    generateRecordings: (input: RecordingsLoadInput = {}) => request<{ created: number; recordIDs: string[] }>("POST", "/recordings/load", input),
    deleteRecording: (recordID: string) => request<{ ok: true }>("DELETE", `/recordings/${id(recordID)}`),

    generateLoad: (input: LoadInput = {}) => request<{ created: number; meetingIDs: string[] }>("POST", "/load", input),
    churn: (input: ChurnInput = {}) => request<{ meetingIDs: string[] }>("POST", "/churn", input),

    listFaults: () => request<SimFaultRule[]>("GET", "/faults"),
    addFault: (input: AddFaultInput) => request<SimFaultRule>("POST", "/faults", input),
    removeFault: (faultId: string) => request<{ ok: true }>("DELETE", `/faults/${id(faultId)}`),
    clearFaults: () => request<{ ok: true }>("DELETE", "/faults"),
  }
}
