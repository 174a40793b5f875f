// A slot's docker-compose.yml for BigBlueButton-liveStreaming (../../../../shared/docs/streamer.md),
// built as data and serialised by a YAML emitter: the original filled a template with sed, so a
// meeting name with a quote, a colon or a newline broke the file. Every string is double-quoted, so
// neither YAML 1.1 (`no`, `on`, `6379:6379` as base 60) nor 1.2 readers can retype a value.
import { stringify } from "yaml"

import { resolveApiBaseUrl } from "@/lib/bbb/checksum"
import type { Env } from "@/lib/config/env"
import type { StreamerSpec } from "@/lib/streamers/driver"
import { slotLabel } from "@/lib/streamers/slot-layout"

export type ComposeSettings = Pick<
  Env,
  | "STREAMER_IMAGE"
  | "BBB_SERVER_URL"
  | "BBB_SECRET_KEY"
  | "BBB_STREAM_URL"
  | "BBB_RESOLUTION"
  | "FFMPEG_STREAM_VIDEO_BITRATE"
  | "FFMPEG_STREAM_THREADS"
  | "BBB_ATTENDEE_PASSWORD"
  | "BBB_MODERATOR_PASSWORD"
  | "TZ"
  | "LOG_LEVEL"
>

/** Names the streamer's two BBB users join with: the sync must not count them as audience. */
export const STREAMER_USER_NAME = "Live"
export const STREAMER_CHAT_NAME = "Chat"

/** Labels on the streamer container: what inspect() reads to tell which live runs. */
export const LIVE_ID_LABEL = "bbb-pod-live.live-id"
export const SLOT_LABEL = "bbb-pod-live.slot"

export const COMPOSE_FILE_NAME = "docker-compose.yml"
export const STREAMER_SERVICE = "bbb-streamer"
/** Seconds the container gets to end its recording cleanly (PID 1 is a shell script). */
export const STOP_GRACE_SECONDS = 30

/** The contract's environment, unescaped (what the container must see). */
export function streamerEnvironment(spec: StreamerSpec, settings: ComposeSettings): Record<string, string> {
  const flag = (value: boolean) => (value ? "true" : "false")
  return {
    BBB_URL: resolveApiBaseUrl(settings.BBB_SERVER_URL).replace(/\/$/, ""),
    BBB_SECRET: settings.BBB_SECRET_KEY,
    BBB_MEETING_ID: spec.bbbMeetingId,
    // startStream.sh passes -S only for "true": the streamer waits for the teacher's meeting.
    BBB_START_MEETING: "false",
    BBB_ATTENDEE_PASSWORD: settings.BBB_ATTENDEE_PASSWORD ?? "",
    BBB_MODERATOR_PASSWORD: settings.BBB_MODERATOR_PASSWORD ?? "",
    BBB_MEETING_TITLE: spec.meetingName,
    BBB_DOWNLOAD_MEETING: flag(spec.downloadMeeting),
    BBB_STREAM_URL: `${settings.BBB_STREAM_URL}${spec.streamKey}`,
    BBB_RESOLUTION: settings.BBB_RESOLUTION,
    // stream.py parses this with int() and appends the "k" itself: "3000k" would crash argparse.
    FFMPEG_STREAM_VIDEO_BITRATE: String(settings.FFMPEG_STREAM_VIDEO_BITRATE),
    FFMPEG_STREAM_THREADS: String(settings.FFMPEG_STREAM_THREADS),
    BBB_ENABLE_CHAT: flag(spec.enableChat),
    BBB_SHOW_CHAT: flag(spec.showChat),
    TZ: settings.TZ,
    BBB_REDIS_HOST: "redis",
    BBB_REDIS_CHANNEL: spec.slot.redisChannel,
    BBB_CHAT_NAME: STREAMER_CHAT_NAME,
    BBB_USER_NAME: STREAMER_USER_NAME,
    // stream.py turns debug on for any non-empty DEBUG, "false" included: off must be empty.
    DEBUG: settings.LOG_LEVEL === "debug" || settings.LOG_LEVEL === "trace" ? "true" : "",
  }
}

/** Compose interpolates `$VAR` in every value of the file; `$$` is its literal dollar. */
export function escapeInterpolation(value: string): string {
  return value.replaceAll("$", "$$$$")
}

function escapeAll<T>(value: T): T {
  if (typeof value === "string") return escapeInterpolation(value) as T
  if (Array.isArray(value)) return value.map(escapeAll) as T
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeAll(v)])) as T
  return value
}

/** The compose project of one slot: its chat redis and the streamer of `spec.liveId`. */
export function renderCompose(spec: StreamerSpec, settings: ComposeSettings): string {
  const { slot } = spec
  const project = {
    services: {
      redis: {
        image: "redis",
        ports: [`${slot.redisPort}:6379`],
        networks: ["app-tier"],
        restart: "no",
      },
      [STREAMER_SERVICE]: {
        image: settings.STREAMER_IMAGE,
        container_name: `liveStreaming${slot.serverNumber}-${slot.slotNumber}`,
        shm_size: "2gb",
        environment: streamerEnvironment(spec, settings),
        labels: { [LIVE_ID_LABEL]: String(spec.liveId), [SLOT_LABEL]: slotLabel(slot) },
        networks: ["app-tier"],
        volumes: ["./videodata:/video"],
        restart: "no",
        stop_grace_period: `${STOP_GRACE_SECONDS}s`,
        depends_on: ["redis"],
      },
    },
    networks: { "app-tier": { driver: "bridge" } },
  }
  const header = `# Written by bbb-pod-live for live ${spec.liveId} on slot ${slotLabel(slot)}; rewritten at each start.\n`
  return header + stringify(escapeAll(project), { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", doubleQuotedAsJSON: true, lineWidth: 0 })
}
