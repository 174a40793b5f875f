// The tests never touch the ports of a running `npm run demo` (or of an installation set up from
// .env.example): every port the suite listens on comes from testPorts(TEST_INSTANCE), and no
// instance's port equals a default of .env.example, of the demo script or of the tools it runs.
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseEnv } from "node:util"

import { describe, expect, it } from "vitest"

import { DEFAULT_SIMULATOR_PORT } from "@/tools/bbb-simulator/server"
import { E2E_ENV } from "@/e2e/fixtures/env"
import { E2E_STACK_COUNT, TEST_INSTANCE, TEST_INSTANCE_COUNT, testPorts } from "@/vitest.test-env"

const root = fileURLToPath(new URL("..", import.meta.url))
const read = (file: string) => readFileSync(path.join(root, file), "utf8")

/** Shared services every run uses on purpose (PostgreSQL, Redis, MariaDB of the recording migration). */
const SHARED_SERVICES = [5432, 6379, 3306]

function urlPort(value: string): number | undefined {
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (!url) return undefined
  const known: Record<string, number> = { "http:": 80, "https:": 443, "rtmp:": 1935 }
  return url.port ? Number(url.port) : known[url.protocol]
}

/** The ports a demo or an installation from .env.example listens on or connects to. */
function demoPorts(): Map<number, string> {
  const env = parseEnv(read(".env.example"))
  const ports = new Map<number, string>()
  for (const [name, value] of Object.entries(env)) {
    for (const part of (value ?? "").split(/[,|]/)) {
      const port = urlPort(part.trim())
      if (port) ports.set(port, `.env.example ${name}`)
    }
  }
  // Slot K's chat redis listens on STREAMER_REDIS_PORT_BASE + K (slots numbered up to NUMBER_SERVERS × NUMBER_LIVES).
  const slots = Number(env.NUMBER_SERVERS) * Number(env.NUMBER_LIVES)
  for (let k = 1; k <= Math.max(slots, 10); k++) ports.set(Number(env.STREAMER_REDIS_PORT_BASE) + k, `.env.example STREAMER_REDIS_PORT_BASE + ${k}`)
  const webPort = /\$\{PORT:-(\d+)\}/.exec(read("scripts/demo.sh"))
  ports.set(Number(webPort?.[1]), "scripts/demo.sh PORT")
  ports.set(DEFAULT_SIMULATOR_PORT, "the simulator's default port")
  const frontPort = /port: \{ type: "string", default: "(\d+)" \}/.exec(read("tools/front/server.ts"))
  ports.set(Number(frontPort?.[1]), "npm run front's default port")
  return ports
}

function suitePorts(n: number): number[] {
  const { chatRedisBase, ...listened } = testPorts(n)
  // Slot K's chat redis of the browser tests (and of a streamer on NUMBER_LIVES up to 10).
  return [...Object.values(listened), ...Array.from({ length: 10 }, (_, k) => chatRedisBase + k + 1)]
}

describe("test ports", () => {
  const demo = demoPorts()

  it("reads the demo's ports from .env.example, scripts/demo.sh and the tools", () => {
    // A parsing slip would make the comparison below vacuous.
    for (const port of [3000, 8090, 19350, 18080, 6379, 6380, 5432, 8080]) expect(demo.has(port), String(port)).toBe(true)
    expect([...demo.keys()].every((p) => Number.isInteger(p) && p > 0)).toBe(true)
  })

  it("never equals a port of the demo or of .env.example, for every TEST_INSTANCE", () => {
    for (let n = 0; n < TEST_INSTANCE_COUNT * E2E_STACK_COUNT; n++) {
      const clashes = suitePorts(n).filter((p) => demo.has(p) || SHARED_SERVICES.includes(p)).map((p) => `${p} (${demo.get(p) ?? "shared service"})`)
      expect(clashes, `TEST_INSTANCE=${n}`).toEqual([])
    }
  })

  it("gives each instance its own ports, outside the range the kernel hands out to listen(0)", () => {
    const all = Array.from({ length: TEST_INSTANCE_COUNT * E2E_STACK_COUNT }, (_, n) => suitePorts(n)).flat()
    expect(new Set(all).size).toBe(all.length)
    const [low, high] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number)
    expect(all.filter((p) => p >= low! && p <= high!)).toEqual([])
    // The vitest files' own servers take their ports from that range: it must not hold a demo port either.
    expect([...demo.keys()].filter((p) => p >= low! && p <= high!)).toEqual([])
  })

  it("the browser tests' settings use only this instance's ports and the shared services", () => {
    const mine = new Set(suitePorts(TEST_INSTANCE.number + TEST_INSTANCE_COUNT * TEST_INSTANCE.stack))
    const used = Object.entries(E2E_ENV).flatMap(([name, value]) =>
      value.split(/[,|]/).flatMap((part) => {
        const port = name.endsWith("PORT_BASE") ? Number(value) + 1 : name === "PORT" ? Number(value) : urlPort(part.trim())
        return port ? [{ name, port }] : []
      }),
    )
    expect(used.map((u) => u.name)).toEqual(expect.arrayContaining(["PORT", "BBB_SERVER_URL", "BBB_STREAM_URL", "POD_HLS_STREAM", "STREAMER_REDIS_PORT_BASE", "LIVE_EMBED_ORIGINS"]))
    expect(used.filter((u) => !mine.has(u.port) && !SHARED_SERVICES.includes(u.port))).toEqual([])
  })

  it("no browser test or its server script names a port literally (they all come from testPorts)", () => {
    const files = ["playwright.config.ts", "scripts/e2e-server.sh", ...readdirSync(path.join(root, "e2e"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => `e2e/${f}`)]
    const literals = files.flatMap((file) =>
      [...read(file).matchAll(/(?::|\bport\W{1,4})(\d{4,5})\b/gi)].filter((m) => !SHARED_SERVICES.includes(Number(m[1]))).map((m) => `${file}: ${m[0]}`),
    )
    expect(literals).toEqual([])
  })
})
