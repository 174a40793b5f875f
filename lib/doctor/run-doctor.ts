// `npm run doctor`: every check of a configured installation, in the order an operator fixes them
// (settings, PostgreSQL, Redis, BBB, webhooks, the stream path, the agents, mail, SSO). The checks
// after the settings run at once; their output is cleared of every secret of the settings source.
import { checkAgents } from "./check-agents"
import { checkBbb } from "./check-bbb"
import { checkDatabase } from "./check-database"
import { checkOidc } from "./check-oidc"
import { checkRedis } from "./check-redis"
import { checkRtmpToHls, type RtmpCheckOptions } from "./check-rtmp-to-hls"
import { checkSettings } from "./check-settings"
import { checkSmtp } from "./check-smtp"
import { checkWebhooks } from "./check-webhooks"
import { fail, reasonOf, skip, type DoctorCheck } from "./doctor-check"
import { redactSecrets, secretValues } from "./redact-secrets"

export type DoctorOptions = { sendMail?: boolean; rtmp?: RtmpCheckOptions }
export type DoctorReport = { checks: DoctorCheck[]; ok: boolean }

async function guarded(check: string, fix: string, run: () => Promise<DoctorCheck | DoctorCheck[]>): Promise<DoctorCheck[]> {
  try {
    return [await run()].flat()
  } catch (error) {
    return [fail(check, reasonOf(error), fix)]
  }
}

export async function runDoctor(source: Record<string, string | undefined>, options: DoctorOptions = {}): Promise<DoctorReport> {
  const settings = checkSettings(source)
  const checks: DoctorCheck[] = [settings.check]
  const env = settings.env
  if (env) {
    const database = guarded("PostgreSQL and migrations", "see the error", () => checkDatabase(env))
    const groups = await Promise.all([
      database,
      guarded("Redis and its namespace", "see the error", () => checkRedis(env)),
      guarded("BBB / Scalelite API", "see the error", () => checkBbb(env)),
      guarded("bbb-webhooks", "see the error", () => checkWebhooks(env)),
      guarded("RTMP publish → HLS", "see the error", () => checkRtmpToHls(env, options.rtmp)),
      // The agents' heartbeats are in PostgreSQL: without it, there is nothing to read.
      database.then((db) =>
        db.some((c) => c.status === "FAIL" && !c.detail.startsWith("reachable"))
          ? [skip("Streamer agents", "not checked: PostgreSQL does not answer")]
          : guarded("Streamer agents", "see the error", () => checkAgents(env)),
      ),
      guarded("SMTP", "see the error", () => checkSmtp(env, { sendMail: options.sendMail })),
      guarded("OpenID Connect discovery", "see the error", () => checkOidc(env)),
    ])
    checks.push(...groups.flat())
  }
  const secrets = secretValues(source)
  const clean = checks.map((c) => ({ ...c, detail: redactSecrets(c.detail, secrets), ...(c.fix ? { fix: redactSecrets(c.fix, secrets) } : {}) }))
  return { checks: clean, ok: clean.every((c) => c.status !== "FAIL") }
}
