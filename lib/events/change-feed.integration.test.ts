// The change feed's one subscriber connection resubscribes by itself when its Redis restarts empty.
import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"

import { Redis } from "ioredis"
import { afterAll, beforeAll, expect, it } from "vitest"

import { resetEnvCache } from "@/lib/config/env"

import { changeChannel, onChange, type ChangeTopic } from "./change-feed"

let port: number
let server: ChildProcess | null = null

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port
      s.close(() => resolve(p))
    })
  })
}

async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function startRedis(): Promise<void> {
  server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" })
  await until("Redis", () => new Promise<boolean>((resolve) => net.connect(port, "127.0.0.1").once("connect", function (this: net.Socket) { this.destroy(); resolve(true) }).once("error", () => resolve(false))))
}

async function stopRedis(): Promise<void> {
  if (!server || server.exitCode !== null) return
  const exited = new Promise((r) => server!.once("exit", r))
  server.kill("SIGKILL")
  await exited
}

beforeAll(async () => {
  port = await freePort()
  await startRedis()
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`
  resetEnvCache()
})
afterAll(stopRedis)

it("keeps delivering changes after Redis restarts empty", async () => {
  const seen: ChangeTopic[] = []
  const off = onChange((topic) => seen.push(topic))
  const publisher = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: null })
  publisher.on("error", () => undefined)
  await until("first change delivered", async () => (await publisher.publish(changeChannel("lives"), "{}"), seen.includes("lives")))

  await stopRedis()
  await new Promise((r) => setTimeout(r, 1_500))
  await startRedis()
  await until("change delivered after the restart", async () => (await publisher.publish(changeChannel("meetings"), "{}"), seen.includes("meetings")))
  expect(seen).toContain("meetings")
  off()
  publisher.disconnect()
})
