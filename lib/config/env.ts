// Every setting of the application, validated once at start-up (instrumentation.ts for Next.js,
// run-worker.ts for workers, each CLI). A bad value stops start-up with a message naming it.
// This is the only module that reads process.env.
import { isIP } from "node:net"

import { z } from "zod"

import { webhookServersSettingSchema } from "./webhook-servers-setting"

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

/** A comma- or space-separated list, each item checked by `item`; empty → []. */
const list = (item: z.ZodType<string, string>) =>
  z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(item))

/** A comma-separated list of values compared case-insensitively (lower-cased, trimmed; empty items dropped). */
const valueList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) => v.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean))

/** An IP address or a CIDR block (10.0.0.0/8, fd00::/8). */
const ipOrCidr = z.string().refine(
  (v) => {
    const [address, bits, ...rest] = v.split("/")
    const version = isIP(address ?? "")
    if (!version || rest.length) return false
    if (bits === undefined) return true
    return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128)
  },
  { error: (issue) => `"${String(issue.input)}" is not an IP address or a CIDR block (e.g. 127.0.0.1, 10.0.0.0/8)` },
)

/** A host, optionally with its port: peertube.univ.example, 10.1.2.3:8443, [fd00::5]:443 (lower-cased). */
const hostEntry = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(
    z.string().regex(/^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/, {
      error: (issue) => `"${String(issue.input)}" is not a host or host:port (e.g. peertube.example.org, 10.0.0.5:8080)`,
    }),
  )

/** A TCP port number. */
const port = z.string().regex(/^\d{1,5}$/, "must be a port number").refine((v) => Number(v) >= 1 && Number(v) <= 65_535, "must be a port number (1-65535)")

const REDIS_PREFIX_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/

/**
 * REDIS_PREFIX when unset: `bbb-pod-live.<database name>`, the database of DATABASE_URL with any
 * character outside letters, digits, `.`, `-` and `_` replaced by `_`. Two installations on one Redis
 * are therefore apart as long as their databases have different names; set REDIS_PREFIX when they
 * do not (same database name on two PostgreSQL servers).
 */
export function defaultRedisPrefix(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, "")) || "postgres"
  return `bbb-pod-live.${name.replace(/[^A-Za-z0-9_.-]/g, "_")}`.slice(0, 100)
}

/** An origin a page may be framed by (CSP frame-ancestors source): scheme://host[:port], host may start with *. */
const frameOrigin = z
  .string()
  .regex(/^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i, {
    error: (issue) => `"${String(issue.input)}" is not an origin like https://moodle.example.org (no path)`,
  })

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    TZ: z.string().default("Europe/Paris"),

    // Infrastructure
    DATABASE_URL: url(["postgresql:", "postgres:"]),
    REDIS_URL: url(["redis:", "rediss:"]).default("redis://127.0.0.1:6379"),
    /**
     * Redis through Sentinel: the sentinels, host:port (26379 when the port is left out), comma-separated.
     * Set, the connections ask them for the current primary of REDIS_SENTINEL_NAME and follow a failover;
     * REDIS_URL then gives only the data nodes' user, password, database index and TLS (its host is not used).
     */
    REDIS_SENTINELS: list(hostEntry),
    /** The primary's name in the sentinels' configuration (`sentinel monitor <name> …`). */
    REDIS_SENTINEL_NAME: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,100}$/, "letters, digits, . - and _ only").default("mymaster"),
    /** The sentinels' own password (`requirepass` of the sentinels), when they have one. */
    REDIS_SENTINEL_PASSWORD: optionalString,
    /**
     * The installation's namespace in Redis: every key, every pub/sub channel and the job queues start
     * with it, so installations (and test instances) sharing one Redis server never meet. Unset: derived
     * from DATABASE_URL's database name (see defaultRedisPrefix). No glob characters: keys are matched
     * with SCAN MATCH and channels pattern-subscribed.
     */
    REDIS_PREFIX: z.string().regex(REDIS_PREFIX_PATTERN, "1 to 100 letters, digits, . - and _ only").optional(),
    /**
     * Deprecated: BullMQ's key prefix as it was before REDIS_PREFIX. Set, it is still used for the job
     * queues (so an existing install keeps its waiting jobs), with a warning at start-up; unset, the queues
     * live under `<REDIS_PREFIX>:bull`.
     */
    QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only").optional(),
    /** Public base URL of this application (links in mails, next-auth callbacks). */
    APP_URL: url(["http:", "https:"]).default("http://localhost:3000"),

    // Authentication
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)"),
    AUTH_LOCAL_ACCOUNTS: bool(true),
    OIDC_ISSUER: url(["https:", "http:"]).optional(),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_DISPLAY_NAME: z.string().default("Université"),
    /** Scopes asked for at sign-in (space-separated); add the one releasing OIDC_ROLE_CLAIM when the provider needs it. */
    OIDC_SCOPES: z
      .string()
      .trim()
      .default("openid email profile")
      .refine((v) => v.split(/\s+/).includes("openid"), "must include openid"),
    /** Role given to an account created by its first OpenID Connect sign-in. */
    OIDC_DEFAULT_ROLE: z.enum(["TEACHER", "STUDENT"]).default("STUDENT"),
    /**
     * Claim of the ID token carrying the directory's affiliations or groups (eduPersonAffiliation,
     * groups…). Set, the role of an SSO account is evaluated from it at every sign-in (unless an
     * admin pinned it); unset, accounts keep OIDC_DEFAULT_ROLE and what admins give them.
     */
    OIDC_ROLE_CLAIM: optionalString,
    /** Values of OIDC_ROLE_CLAIM that make a teacher (comma-separated, case-insensitive). */
    OIDC_TEACHER_VALUES: valueList("faculty,employee,staff,teacher"),
    /** Values of OIDC_ROLE_CLAIM that make an admin; empty: the directory never grants nor removes ADMIN. */
    OIDC_ADMIN_VALUES: valueList(""),
    /** Link a first SSO sign-in to the local account of the same e-mail even without email_verified=true. */
    OIDC_TRUST_EMAIL: bool(false),
    /**
     * What signing out of an SSO session does at the provider (when it offers end_session_endpoint):
     * "off" nothing, "offer" a link on the signed-out page, "always" RP-initiated logout at once.
     */
    OIDC_LOGOUT: z.enum(["off", "offer", "always"]).default("offer"),
    /**
     * false: the sign-in page offers SSO only and password sign-in is refused, except to the
     * break-glass admin account below (each such sign-in is logged). Needs OpenID Connect.
     */
    LOCAL_SIGN_IN: bool(true),
    /** Username of the admin account that may still sign in with its password when LOCAL_SIGN_IN=false. */
    BREAK_GLASS_ADMIN: optionalString,

    // Sign-in throttling and client addresses
    /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR blocks); empty: none. */
    TRUSTED_PROXIES: list(ipOrCidr),
    LOGIN_ACCOUNT_MAX_FAILURES: int(10, 1, 10_000),
    LOGIN_IP_MAX_FAILURES: int(50, 1, 1_000_000),
    LOGIN_FAILURE_WINDOW_SECONDS: int(900, 1, 86_400),
    LOGIN_BLOCK_SECONDS: int(900, 1, 86_400),
    LOGIN_DELAY_BASE_MS: int(250, 0, 10_000),
    LOGIN_DELAY_MAX_MS: int(4_000, 0, 60_000),

    // Security headers
    /** Origins allowed to frame live pages (/lives/<slug>), e.g. the university's LMS; empty: none. */
    LIVE_EMBED_ORIGINS: list(frameOrigin),
    /**
     * Seconds a shared cache in front of the app (deploy/nginx/) may keep an anonymous visitor's
     * Directs page and live pages (X-Accel-Expires, lib/security/shared-cache.ts); 0: never.
     */
    PUBLIC_PAGE_CACHE_SECONDS: int(2, 0, 60),

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
    /**
     * The full getMeetings sync's interval while bbb-webhooks are registered and healthy (callbacks
     * carry the changes; the full sync is the safety net). Never shorter than MEETINGS_SYNC_INTERVAL_MS.
     */
    MEETINGS_FULL_SYNC_INTERVAL_MS: int(60_000, 1_000, 3_600_000),
    /** Each live on air records a sample of its audience this often (ms; lib/audience). */
    AUDIENCE_SAMPLE_INTERVAL_MS: int(10_000, 1_000, 3_600_000),
    /** Audience samples and chat transcripts are kept this many days (395: an academic year and a month). */
    AUDIENCE_RETENTION_DAYS: int(395, 1, 36_500),

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
    /**
     * Client addresses (or CIDR blocks) that read the health endpoints' detail without the token,
     * e.g. the monitoring host; read through TRUSTED_PROXIES like sign-in's. Empty: none.
     */
    HEALTH_DETAIL_ALLOW: list(ipOrCidr),

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
    /**
     * Signs the media URLs of restricted lives (nginx secure_link at the HLS origin, which must have
     * the same value: deploy/hls-origin). Unset: derived from AUTH_SECRET (fine for one host; set it
     * when the origin is another machine, so that AUTH_SECRET never leaves the app).
     */
    HLS_TOKEN_SECRET: optionalString.pipe(z.string().min(16, "must be at least 16 characters").regex(/^[^\s;{}"'$\\]+$/, "no spaces, quotes, ; { } $ or \\ (it goes into nginx's configuration)").optional()),
    /** How long a restricted live's media URL stays valid (the player renews it before); seconds. */
    HLS_TOKEN_TTL_SECONDS: int(600, 30, 86_400),
    FFMPEG_STREAM_THREADS: int(0, 0, 64),
    BBB_ATTENDEE_PASSWORD: optionalString,
    BBB_MODERATOR_PASSWORD: optionalString,
    /**
     * Slot N's chat redis listens on host port STREAMER_REDIS_PORT_BASE + N (the original: 6378 + N).
     * Change it only to keep several installations (or test instances) on one host apart.
     */
    STREAMER_REDIS_PORT_BASE: int(6378, 1, 65_000),
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

    // Chat of the live pages, relayed into the BBB room
    /** Longest chat message, in characters after trimming (the original: 100; BBB's own limit is 500). */
    CHAT_MAX_LENGTH: int(100, 1, 500),
    /** Each signed-in user may send CHAT_RATE_LIMIT_MESSAGES messages per CHAT_RATE_LIMIT_WINDOW_SECONDS (counted in Redis). */
    CHAT_RATE_LIMIT_MESSAGES: int(5, 1, 1_000),
    CHAT_RATE_LIMIT_WINDOW_SECONDS: int(10, 1, 3_600),
    /**
     * How messages reach the BBB room: "redis" (BigBlueButton-liveStreaming's chat bot, on the slot's
     * redis), "bbb-api" (sendChatMessage, BBB >= 3.0), or "auto": bbb-api when the BBB server reports 3.0 or later.
     */
    CHAT_RELAY: z.enum(["auto", "redis", "bbb-api"]).default("auto"),
    /**
     * A live page's events (chat, status, viewers) that follow one another within this many
     * milliseconds reach each viewer in one write (lib/events/live-frames.ts); 0 writes each at once.
     */
    LIVE_EVENT_BATCH_MS: int(100, 0, 2_000),
    /** Longest wait for a relay (slot redis or BBB) before the message is reported "relay down" (ms). */
    CHAT_RELAY_TIMEOUT_MS: int(2_000, 100, 30_000),
    /** When a live goes on air (and when it stops), one message is posted into the room's public chat through its relay. */
    LIVE_ON_AIR_NOTICE: bool(true),
    /** The on-air message; {url} is the live page's address. */
    LIVE_ON_AIR_NOTICE_TEXT: z.string().trim().min(1).max(500).default("Cette session est diffusée en direct\u00a0: {url}"),
    LIVE_OFF_AIR_NOTICE_TEXT: z.string().trim().min(1).max(500).default("La diffusion en direct est terminée."),
    /** Room messages (bbb-webhooks' chat event) shown on a live page: longest kept, and most per live per second (a flood is dropped). */
    ROOM_CHAT_MAX_LENGTH: int(500, 1, 5_000),
    ROOM_CHAT_MAX_PER_SECOND: int(10, 1, 1_000),

    // Migration of old BBB recordings (npm run migrate-recordings; the original's in-file settings).
    /** Old BBB / Scalelite whose recordings are migrated. */
    SCRIPT_BBB_SERVER_URL: url(["http:", "https:"]).optional(),
    SCRIPT_BBB_SECRET_KEY: optionalString,
    /** Presentation playback URLs in the BBB >= 2.3 form (/playback/presentation/2.3/<id>) rather than 2.0. */
    SCRIPT_PLAYBACK_URL_23: bool(true),
    /** Recorder whose claim directory (DEFAULT_RECORDER_PATH/<id>/) receives files (--use-manual-claim). */
    SCRIPT_RECORDER_ID: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be letters, digits, - or _").default("1"),
    /** User owning the recordings whose moderators are unknown (--use-import-video). */
    SCRIPT_ADMIN_ID: z.coerce.number().int().min(1).optional(),
    /** Message put once into the intro of the Moodle activities concerned (--use-database-moodle). */
    SCRIPT_INFO: z
      .string()
      .default("<p>Les enregistrements de cette activité ont été déplacés sur Pod, dans « Mes vidéos externes ».</p>"),
    /** bbb-origin-server-name values to ignore (comma-separated): not Moodle, test servers. */
    IGNORED_SERVERS: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
    /** Reuse the last getRecordings answer kept in SCRIPT_CACHE_FILE instead of asking BBB again. */
    USE_CACHE: bool(false),
    SCRIPT_CACHE_FILE: z.string().default("./var/migrate-recordings-cache.json"),
    /** Moodle databases keyed by bbb-origin-server-name, plus "default": JSON of postgresql:// or mysql:// URLs. */
    DB_PARAMS: optionalString.pipe(
      z
        .string()
        .transform((v, ctx) => {
          try {
            return JSON.parse(v) as unknown
          } catch {
            ctx.addIssue({ code: "custom", message: 'must be JSON, e.g. {"default":"postgresql://moodle@host/moodle"}' })
            return z.NEVER
          }
        })
        .pipe(z.record(z.string().min(1), url(["postgresql:", "postgres:", "mysql:", "mariadb:"])))
        .optional(),
    ),
    /** Root of the recorders' claim directories. */
    DEFAULT_RECORDER_PATH: z.string().default("./var/recorder"),
    /** The recorders' names the claim page shows: `<id>=<name>` entries, `;`-separated (e.g. `1=Amphi A;2=Salle 204`). */
    RECORDER_NAMES: z
      .string()
      .default("")
      .transform((value, ctx) => {
        const names: Record<string, string> = {}
        for (const entry of value.split(";").map((e) => e.trim()).filter(Boolean)) {
          const match = /^([A-Za-z0-9_-]{1,64})\s*=\s*(\S.{0,119})$/.exec(entry)
          if (!match) {
            ctx.addIssue({ code: "custom", message: `"${entry}" is not <id>=<name> (e.g. 1=Amphi A)` })
            return z.NEVER
          }
          names[match[1]!] = match[2]!.trim()
        }
        return names
      }),

    // "Mes vidéos externes": importing a video from a URL a teacher typed (lib/net/guarded-fetch.ts).
    /** Hosts (or host:port) exempt from the rule refusing loopback, private and link-local addresses, e.g. the university's own PeerTube. */
    EXTERNAL_VIDEO_ALLOWED_HOSTS: list(hostEntry),
    /** Ports an imported URL may use (a host:port entry of EXTERNAL_VIDEO_ALLOWED_HOSTS also allows its port). */
    EXTERNAL_VIDEO_ALLOWED_PORTS: list(port)
      .transform((ports) => (ports.length ? ports : ["80", "443"]).map(Number)),
    /** Largest video imported, in bytes (default 4 GiB). */
    EXTERNAL_VIDEO_MAX_BYTES: int(4 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
    /** Longest download of one video, in milliseconds. */
    EXTERNAL_VIDEO_TIMEOUT_MS: int(30 * 60_000, 1_000, 24 * 3_600_000),
    /** Redirects followed (each one checked again). */
    EXTERNAL_VIDEO_MAX_REDIRECTS: int(5, 0, 20),

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
    if (env.OIDC_ROLE_CLAIM && env.OIDC_TEACHER_VALUES.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_TEACHER_VALUES"],
        message: `must name at least one value of ${env.OIDC_ROLE_CLAIM} that makes a teacher (e.g. faculty,employee,staff) when OIDC_ROLE_CLAIM is set`,
      })
    }
    if (!env.LOCAL_SIGN_IN && !oidc.every(Boolean)) {
      ctx.addIssue({ code: "custom", path: ["LOCAL_SIGN_IN"], message: "false needs OpenID Connect set up (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET): nobody could sign in" })
    }
  })
  .transform((env) => ({ ...env, REDIS_PREFIX: env.REDIS_PREFIX ?? defaultRedisPrefix(env.DATABASE_URL) }))

export type Env = z.infer<typeof envSchema>

/** What start-up should warn about (settings that work but should change). */
export function settingsWarnings(env: Env): string[] {
  const warnings: string[] = []
  if (env.QUEUE_PREFIX !== undefined) {
    warnings.push(
      `QUEUE_PREFIX=${env.QUEUE_PREFIX} is deprecated: the job queues stay under "${env.QUEUE_PREFIX}" for now. ` +
        `Once no job is waiting, remove it to have them under REDIS_PREFIX ("${env.REDIS_PREFIX}:bull"), apart from other installations.`,
    )
  }
  return warnings
}

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

/** Whether the public URL is HTTPS (secure cookies, HSTS, upgrade-insecure-requests). */
export function isHttpsApp(env: Env = getEnv()): boolean {
  return env.APP_URL.startsWith("https:")
}

export function isOidcEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET)
}
