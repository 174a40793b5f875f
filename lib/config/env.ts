// Every setting of the application, validated once at start-up (instrumentation.ts for Next.js,
// run-worker.ts for workers, each CLI). A bad value stops start-up with a message naming it.
// This is the only module that reads process.env.
import { z } from "zod"

import { webhookServersSettingSchema } from "@/lib/bbb-webhooks/schemas"

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off", "True", "False"])
    .default(fallback ? "true" : "false")
    .transform((v) => ["true", "1", "yes", "on", "True"].includes(v))

const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback)

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v))

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .url()
    .refine((v) => !URL.canParse(v) || protocols.includes(new URL(v).protocol), { message: `must start with ${protocols.join(" or ")}` })

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    TZ: z.string().default("Europe/Paris"),

    // Infrastructure
    DATABASE_URL: url(["postgresql:", "postgres:"]),
    REDIS_URL: url(["redis:", "rediss:"]).default("redis://127.0.0.1:6379"),
    /** Key prefix of the job queues in Redis (BullMQ's default; change it to share one Redis). */
    QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only").default("bull"),
    /** Public base URL of this application (links in mails, next-auth callbacks). */
    APP_URL: url(["http:", "https:"]).default("http://localhost:3000"),

    // Authentication
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)"),
    AUTH_LOCAL_ACCOUNTS: bool(true),
    OIDC_ISSUER: url(["https:", "http:"]).optional(),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_DISPLAY_NAME: z.string().default("Université"),
    /** Role given to an account created by its first OpenID Connect sign-in. */
    OIDC_DEFAULT_ROLE: z.enum(["TEACHER", "STUDENT"]).default("STUDENT"),

    // BigBlueButton / Scalelite
    USE_BBB_LIVE: bool(true),
    USE_BBB_LIVE_DOWNLOADING: bool(false),
    BBB_NUMBER_MAX_LIVES: int(1, 0, 1000),
    BBB_SERVER_URL: url(["http:", "https:"]),
    BBB_SECRET_KEY: z.string().min(1, "is required"),
    BBB_CHECKSUM_ALGORITHM: z.enum(["sha1", "sha256", "sha384", "sha512"]).default("sha1"),
    BBB_TIMEOUT_MS: int(10_000, 100, 600_000),
    BBB_USERNAME_FORMAT: z.enum(["first_name last_name", "last_name first_name"]).default("first_name last_name"),
    BBB_NUMBER_DAYS_BEFORE_DELETE: int(0, 0, 36_500),
    DEFAULT_BBB_PATH: z.string().default("./var/bbb-recordings"),
    MEETINGS_SYNC_INTERVAL_MS: int(10_000, 1_000, 3_600_000),

    // Self-healing and health
    /** While a dependency (Redis, PostgreSQL, BBB) stays down, one reminder log line this often (ms). */
    OUTAGE_REMINDER_MS: int(60_000, 1_000, 3_600_000),
    /** Workers check this often that their job schedulers exist and their consumers run (ms). */
    SELF_HEAL_CHECK_MS: int(30_000, 500, 3_600_000),
    /** bbb-webhooks: `<BBB server URL>|<secret>` entries, comma-separated (not through Scalelite). Empty: off. */
    BBB_WEBHOOKS_SERVERS: webhookServersSettingSchema,
    /** The callback URL registered on each server (default: APP_URL + /api/bbb/webhooks). */
    BBB_WEBHOOKS_CALLBACK_URL: url(["http:", "https:"]).optional(),
    /** Hooks are registered again this often (ms). */
    BBB_WEBHOOKS_REGISTER_MS: int(300_000, 5_000, 86_400_000),
    /** Bearer token of /api/metrics (Prometheus). Unset: the endpoint answers 404. */
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),

    // Streamer servers (BigBlueButton-liveStreaming)
    NUMBER_SERVERS: int(1, 1, 100),
    SERVER_NUMBER: int(1, 1, 100),
    NUMBER_LIVES: int(1, 1, 100),
    SERVER_HOSTNAME: z.string().min(1).default("localhost"),
    STREAMER_BASE_DIR: z.string().default("./var/bbb-pod-live"),
    BBB_STREAM_URL: url(["rtmp:", "rtmps:"]).default("rtmp://127.0.0.1:19350/live/"),
    POD_HLS_STREAM: url(["http:", "https:"]).default("http://127.0.0.1:18080/hls/"),
    BBB_RESOLUTION: z
      .string()
      .regex(/^\d{3,4}x\d{3,4}$/, "must look like 1280x720")
      .default("1280x720"),
    FFMPEG_STREAM_VIDEO_BITRATE: int(3000, 100, 100_000),
    FFMPEG_STREAM_THREADS: int(0, 0, 64),
    BBB_ATTENDEE_PASSWORD: optionalString,
    BBB_MODERATOR_PASSWORD: optionalString,
    /** Building that groups the broadcasters of BBB lives on the Lives page (created when missing). */
    DEFAULT_BUILDING_NAME: z.string().trim().min(1).default("BigBlueButton"),
    /** How a slot's streamer runs: BigBlueButton-liveStreaming containers, or ffmpeg's test pattern. */
    STREAMER_DRIVER: z.enum(["docker", "ffmpeg"]).default("docker"),
    /** Image of BigBlueButton-liveStreaming (docker driver). */
    STREAMER_IMAGE: z.string().min(1).default("aauzid/bigbluebutton-livestreaming:latest"),
    /** The docker client the docker driver runs (`docker compose` must work with it). */
    DOCKER_COMMAND: z.string().min(1).default("docker"),
    /** The ffmpeg binary of the ffmpeg driver. */
    FFMPEG_COMMAND: z.string().min(1).default("ffmpeg"),
    /** How often each streamer agent reconciles its slots (and checks its streams), in milliseconds. */
    AGENT_TICK_MS: int(10_000, 500, 600_000),
    /** A live stuck starting or stopping longer than this fails (start) or is forced to end (stop). */
    STREAMER_TRANSITION_TIMEOUT_MS: int(90_000, 5_000, 3_600_000),
    /** A running live whose HLS playlist did not advance for this long is restarted once, then failed (0 = no check). */
    STREAMER_HLS_STALL_MS: int(30_000, 0, 3_600_000),

    // Mail
    ADMIN_EMAIL: z.string().email().default("admin@example.org"),
    SMTP_URL: optionalString.pipe(url(["smtp:", "smtps:"]).optional()),
    MAIL_FROM: z.string().default("bbb-pod-live <no-reply@example.org>"),
  })
  .superRefine((env, ctx) => {
    if (env.SERVER_NUMBER > env.NUMBER_SERVERS) {
      ctx.addIssue({ code: "custom", path: ["SERVER_NUMBER"], message: "must not exceed NUMBER_SERVERS" })
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET]
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when OpenID Connect is set up" })
      }
    }
  })

export type Env = z.infer<typeof envSchema>

export class InvalidSettingsError extends Error {
  readonly settings: string[]
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((i) => `  - ${i.path.join(".") || "(settings)"}: ${i.message}`)
    super(`Invalid settings (see .env.example):\n${lines.join("\n")}`)
    this.name = "InvalidSettingsError"
    this.settings = issues.map((i) => i.path.join("."))
  }
}

/** Parses a settings source; throws InvalidSettingsError naming every bad setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) throw new InvalidSettingsError(result.error.issues)
  return result.data
}

let cached: Env | undefined

/** The validated settings of this process (parsed on first call). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** For tests: forget the parsed settings so the next getEnv() reads process.env again. */
export function resetEnvCache(): void {
  cached = undefined
}

export function isOidcEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET)
}
