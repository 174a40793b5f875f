// npm run bench:sign-in — does a refused sign-in take the same time whether the username exists?
// (issue 14: no user enumeration by timing). Times signInWithPassword() for a known username with a
// wrong password and for unknown usernames, interleaved, with throttling delays switched off so only
// the lookup and the bcrypt comparison are measured. Prints medians and p90s; the gap is reported,
// not failed. Uses its own database bbb_pod_live_bench_sign_in (recreated) and Redis database 3.
//
//   npm run bench:sign-in [-- --samples 40]
import { randomUUID } from "node:crypto"
import { parseArgs } from "node:util"

import { signInWithPassword } from "@/lib/auth/sign-in-with-password"
import { bootstrap } from "@/lib/boot/bootstrap"
import { db } from "@/lib/db"
import { getProducerRedis } from "@/lib/redis"
import { createUser } from "@/lib/users/create-user"
import { applyMigrations, recreateDatabase } from "@/prisma/migrate"

import { median, ms, percentile, table, timed } from "./support/figures"

const DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/bbb_pod_live_bench_sign_in"
const { values: args } = parseArgs({ options: { samples: { type: "string", default: "40" } } })
const samples = Number(args.samples)

Object.assign(process.env, {
  DATABASE_URL,
  REDIS_URL: "redis://127.0.0.1:6379/3",
  LOG_LEVEL: "silent",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0",
  BBB_SERVER_URL: "http://127.0.0.1:9/",
  BBB_SECRET_KEY: "bench",
  LOGIN_DELAY_BASE_MS: "0",
  LOGIN_ACCOUNT_MAX_FAILURES: "10000",
  LOGIN_IP_MAX_FAILURES: "1000000",
})

await recreateDatabase(DATABASE_URL)
await applyMigrations(DATABASE_URL)
// The settings this bench set above, validated (no .env: the bench runs on its own databases).
await bootstrap("bench:sign-in", { dotenv: false, services: false })

const user = await createUser({ email: "bench@example.test", username: "bench-user", firstName: "Bench", lastName: "User", password: "the-right-password" })
const attempt = (username: string) => timed(() => signInWithPassword({ username, password: "a-wrong-password" }, { ip: `198.51.100.${1 + Math.floor(Math.random() * 250)}` }))

// Warm-up (JIT, connection pools), then interleaved samples so that load changes hit both sides.
for (let i = 0; i < 5; i += 1) await Promise.all([attempt(user.username), attempt(`nobody-${randomUUID()}`)])
const known: number[] = []
const unknown: number[] = []
for (let i = 0; i < samples; i += 1) {
  known.push((await attempt(user.username)).ms)
  unknown.push((await attempt(`nobody-${randomUUID()}`)).ms)
}

console.log(`Refused sign-ins, ${samples} samples each (bcrypt cost 10, throttling delays off)\n`)
console.log(
  table([
    ["username", "median", "p90"],
    ["known, wrong password", ms(median(known)), ms(percentile(known, 90))],
    ["unknown", ms(median(unknown)), ms(percentile(unknown, 90))],
  ]),
)
const gap = Math.abs(median(known) - median(unknown)) / median(known)
console.log(`\nmedian gap: ${(gap * 100).toFixed(1)} %`)

await db.$disconnect()
getProducerRedis().disconnect()
