// The one interface behind which a slot's streamer runs (STREAMER_DRIVER): the docker driver runs a
// BigBlueButton-liveStreaming container per slot (production), the ffmpeg driver pushes a labelled
// test pattern (demo, tests, laptops). Both honour the same contract (../shared/docs/streamer.md): an
// RTMP stream to BBB_STREAM_URL<streamKey>, and for a recorded live a Matroska file named
// meeting-YYYYmmddHHMMSS.mkv (local time of TZ) in the slot's `videodata/` folder.
//
// Every method is idempotent and safe to call again after a crash: start() on a running streamer of
// the same live does nothing, stop() on a stopped slot does nothing, inspect() reads what runs.

/** What a driver needs to start one live on one slot; built from the database by the agent. */
export type StreamerSpec = {
  liveId: number
  slot: StreamerSlotRef
  /** BBB's external meetingID (what BigBlueButton-liveStreaming joins). */
  bbbMeetingId: string
  meetingName: string
  /** Unguessable stream name: RTMP `<BBB_STREAM_URL><streamKey>`, HLS `<POD_HLS_STREAM><streamKey>.m3u8`. */
  streamKey: string
  showChat: boolean
  enableChat: boolean
  downloadMeeting: boolean
}

export type StreamerSlotRef = {
  serverNumber: number
  slotNumber: number
  /** `<STREAMER_BASE_DIR>/bbb-live-streaming<slotNumber>`: compose file, pid file, logs, videodata/. */
  workdir: string
  /** Host port of the slot's chat redis: 6378 + slotNumber. */
  redisPort: number
  /** `chat<slotNumber>` */
  redisChannel: string
}

/** What runs on a slot now, as the driver sees it. */
export type StreamerState = { running: false } | { running: true; liveId: number | null }

export type StreamerDriver = {
  readonly name: "docker" | "ffmpeg"
  /** Starts (or finds running) the streamer of `spec.liveId` on its slot; throws StreamerError. */
  start(spec: StreamerSpec): Promise<void>
  /** Stops whatever streamer runs on the slot (waits for a clean end, then forces it). */
  stop(slot: StreamerSlotRef): Promise<void>
  /** Whether a streamer runs on the slot, and for which live when it can tell. */
  inspect(slot: StreamerSlotRef): Promise<StreamerState>
}

/** Where a slot's recorded files land (the container's `/video`, mounted from `./videodata`). */
export function recordingsDir(slot: Pick<StreamerSlotRef, "workdir">): string {
  return `${slot.workdir}/videodata`
}

/** A streamer that could not be started or stopped; `reason` is a key of the i18n `liveFailure` map. */
export class StreamerError extends Error {
  readonly reason: string
  constructor(reason: "streamer-start-failed" | "streamer-stop-failed", message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = "StreamerError"
    this.reason = reason
  }
}
