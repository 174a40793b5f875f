import { parse } from "yaml"
import { describe, expect, it } from "vitest"
import { z } from "zod"

import type { StreamerSpec } from "@/lib/streamers/driver"
import { type ComposeSettings, LIVE_ID_LABEL, renderCompose, SLOT_LABEL } from "@/lib/streamers/drivers/render-compose"

// The part of the compose specification our file relies on: what `docker compose` would reject or
// retype if it were wrong (environment as a map of strings, ports as strings, no YAML numbers).
const composeFileSchema = z.strictObject({
  services: z.record(
    z.string(),
    z.looseObject({
      image: z.string().min(1),
      ports: z.array(z.string().regex(/^\d+:\d+$/)).optional(),
      environment: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/), z.string()).optional(),
      labels: z.record(z.string(), z.string()).optional(),
      volumes: z.array(z.string()).optional(),
      networks: z.array(z.string()).optional(),
      shm_size: z.string().optional(),
      restart: z.enum(["no", "always", "on-failure", "unless-stopped"]).optional(),
      stop_grace_period: z.string().regex(/^\d+s$/).optional(),
      container_name: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/).optional(),
    }),
  ),
  networks: z.record(z.string(), z.object({ driver: z.string() })),
})

const settings: ComposeSettings = {
  STREAMER_IMAGE: "aauzid/bigbluebutton-livestreaming:latest",
  BBB_SERVER_URL: "https://bbb.example.org/",
  BBB_SECRET_KEY: "s3cr$t",
  BBB_STREAM_URL: "rtmp://127.0.0.1:19350/live/",
  BBB_RESOLUTION: "1280x720",
  FFMPEG_STREAM_VIDEO_BITRATE: 3000,
  FFMPEG_STREAM_THREADS: 2,
  BBB_ATTENDEE_PASSWORD: "att$pw",
  BBB_MODERATOR_PASSWORD: undefined,
  TZ: "Europe/Paris",
  LOG_LEVEL: "info",
}

function makeSpec(overrides: Partial<StreamerSpec> = {}): StreamerSpec {
  return {
    liveId: 42,
    slot: { serverNumber: 2, slotNumber: 3, workdir: "/srv/bbb-live-streaming3", redisPort: 6381, redisChannel: "chat3" },
    bbbMeetingId: "meeting-ext-1",
    meetingName: "Cours",
    streamKey: "k3y",
    showChat: true,
    enableChat: false,
    downloadMeeting: true,
    ...overrides,
  }
}

/** What the container sees: the YAML parsed, then compose's `$$` undone. */
function containerView(spec: StreamerSpec, overrides: Partial<ComposeSettings> = {}) {
  const file = composeFileSchema.parse(parse(renderCompose(spec, { ...settings, ...overrides })))
  const unescape = (record: Record<string, string> = {}) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.replaceAll("$$", "$")]))
  const streamer = file.services["bbb-streamer"]!
  return { file, streamer, environment: unescape(streamer.environment), labels: unescape(streamer.labels) }
}

describe("renderCompose", () => {
  const awkwardNames = {
    "double quotes": 'Cours "avancé"',
    "single quotes": "L'algèbre d'Anne",
    slash: "TD 1/2 groupe A/B",
    ampersand: "Maths & Physique && co",
    dollars: "Coût $5 $HOME ${PATH} $$ $(whoami) $",
    backticks: "`rm -rf /` et `date`",
    hash: "# Séance #3 # pas un commentaire",
    colons: "Amphi: cours: 10:30",
    backslashes: "C:\\Users\\prof \\n \\\\ \\",
    unicode: "Ελληνικά 中文 العربية 🎓 ñ é",
    newlines: "ligne 1\nligne 2\r\n\tfin\n",
    "YAML look-alikes": "no",
    "leading specials": "- [x] {y}: * & ! | > % @",
    everything: "\"'/&$`#:\\ é\n$$${x}",
  }

  it.each(Object.entries(awkwardNames))("keeps a meeting name with %s intact", (_, meetingName) => {
    const { environment } = containerView(makeSpec({ meetingName, bbbMeetingId: meetingName }))
    expect(environment.BBB_MEETING_TITLE).toBe(meetingName)
    expect(environment.BBB_MEETING_ID).toBe(meetingName)
  })

  it("escapes every dollar for compose interpolation, wherever it is", () => {
    const text = renderCompose(makeSpec({ meetingName: "a$b" }), settings)
    // After removing the `$$` pairs no lone `$` may remain.
    expect(text.replaceAll("$$", "")).not.toContain("$")
  })

  it("fills every variable of the container's contract", () => {
    const { environment } = containerView(makeSpec())
    expect(environment).toEqual({
      BBB_URL: "https://bbb.example.org/bigbluebutton/api",
      BBB_SECRET: "s3cr$t",
      BBB_MEETING_ID: "meeting-ext-1",
      BBB_START_MEETING: "false",
      BBB_ATTENDEE_PASSWORD: "att$pw",
      BBB_MODERATOR_PASSWORD: "",
      BBB_MEETING_TITLE: "Cours",
      BBB_DOWNLOAD_MEETING: "true",
      BBB_STREAM_URL: "rtmp://127.0.0.1:19350/live/k3y",
      BBB_RESOLUTION: "1280x720",
      FFMPEG_STREAM_VIDEO_BITRATE: "3000",
      FFMPEG_STREAM_THREADS: "2",
      BBB_ENABLE_CHAT: "false",
      BBB_SHOW_CHAT: "true",
      TZ: "Europe/Paris",
      BBB_REDIS_HOST: "redis",
      BBB_REDIS_CHANNEL: "chat3",
      BBB_CHAT_NAME: "Chat",
      BBB_USER_NAME: "Live",
      DEBUG: "",
    })
  })

  it("maps the flags and the debug level", () => {
    const { environment } = containerView(makeSpec({ showChat: false, enableChat: true, downloadMeeting: false }), { LOG_LEVEL: "debug" })
    expect(environment).toMatchObject({ BBB_SHOW_CHAT: "false", BBB_ENABLE_CHAT: "true", BBB_DOWNLOAD_MEETING: "false", DEBUG: "true" })
  })

  it.each([
    ["https://bbb.example.org", "https://bbb.example.org/bigbluebutton/api"],
    ["https://bbb.example.org/bigbluebutton/", "https://bbb.example.org/bigbluebutton/api"],
    ["https://scalelite.example.org/bigbluebutton/api/", "https://scalelite.example.org/bigbluebutton/api"],
  ])("derives BBB_URL from %s", (BBB_SERVER_URL, expected) => {
    expect(containerView(makeSpec(), { BBB_SERVER_URL }).environment.BBB_URL).toBe(expected)
  })

  it("publishes the slot's redis port and sets what the container needs", () => {
    const { file, streamer, labels } = containerView(makeSpec())
    expect(file.services.redis).toMatchObject({ image: "redis", ports: ["6381:6379"], networks: ["app-tier"] })
    expect(streamer).toMatchObject({
      image: "aauzid/bigbluebutton-livestreaming:latest",
      container_name: "liveStreaming2-3",
      shm_size: "2gb",
      volumes: ["./videodata:/video"],
      networks: ["app-tier"],
      restart: "no",
      stop_grace_period: "30s",
    })
    expect(labels).toEqual({ [LIVE_ID_LABEL]: "42", [SLOT_LABEL]: "2/3" })
    expect(file.networks["app-tier"]).toEqual({ driver: "bridge" })
  })

  it("quotes every scalar, so no YAML 1.1 reader retypes `no` or a port", () => {
    const text = renderCompose(makeSpec(), settings)
    expect(text).toContain('restart: "no"')
    expect(text).toContain('- "6381:6379"')
    expect(text).toMatch(/FFMPEG_STREAM_VIDEO_BITRATE: "3000"/)
  })
})
