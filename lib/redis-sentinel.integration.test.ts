// Redis through Sentinel (REDIS_SENTINELS): a private primary, its replica and one sentinel, on free
// ports. The app's connections (lib/redis.ts) find the primary through the sentinel; after a failover
// (SENTINEL FAILOVER: the replica becomes the primary; ioredis hears +switch-master and reconnects)
// a live page's subscription still receives events and a BullMQ job scheduler still produces jobs,
// without a new connection being made by the caller. REDIS_URL points nowhere: only the sentinel is used.
import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

import { Queue, Worker } from "bullmq"
import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

import { getEnv, resetEnvCache } from "@/lib/config/env"
import { freePort } from "@/tools/nginx/run-nginx"

import { createRedis, createSubscriberRedis } from "./redis"
import { queuePrefix, redisChannel } from "./redis-keys"

const MASTER = "bbbpodlive-test"
const dir = mkdtempSync(path.join(tmpdir(), "bbb-pod-live-sentinel-"))
const processes: ChildProcess[] = []
const connections: Redis[] = []
let primaryPort: number
let replicaPort: number
let sentinelPort: number
let sentinel: Redis

function startRedis(args: string[]): void {
  const child = spawn("redis-server", args, { stdio: "ignore" })
  processes.push(child)
}

/** A plain client of one node (never through the app's factory), for the test's own questions. */
function direct(port: number): Redis {
  const redis = new Redis({ host: "127.0.0.1", port, lazyConnect: false, maxRetriesPerRequest: 1, retryStrategy: () => 200 })
  redis.on("error", () => undefined)
  connections.push(redis)
  return redis
}

beforeAll(async () => {
  ;[primaryPort, replicaPort, sentinelPort] = [await freePort(), await freePort(), await freePort()]
  const node = (port: number) => ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir]
  startRedis(node(primaryPort))
  startRedis([...node(replicaPort), "--replicaof", "127.0.0.1", String(primaryPort)])
  // The replica in sync before the sentinel starts: its first look at the primary (INFO) lists it.
  const replica = direct(replicaPort)
  await vi.waitFor(async () => expect(await replica.info("replication")).toContain("master_link_status:up"), { timeout: 15_000, interval: 100 })
  const conf = path.join(dir, "sentinel.conf")
  writeFileSync(
    conf,
    [
      `port ${sentinelPort}`,
      "bind 127.0.0.1",
      `dir ${dir}`,
      `sentinel monitor ${MASTER} 127.0.0.1 ${primaryPort} 1`,
      `sentinel down-after-milliseconds ${MASTER} 2000`,
      `sentinel failover-timeout ${MASTER} 10000`,
      "",
    ].join("\n"),
  )
  startRedis([conf, "--sentinel"])
  sentinel = direct(sentinelPort)
  await vi.waitFor(async () => expect(JSON.stringify(await sentinel.call("SENTINEL", "REPLICAS", MASTER))).toContain(String(replicaPort)), { timeout: 15_000, interval: 100 })

  process.env.REDIS_URL = "redis://127.0.0.1:1" // nothing listens there: the sentinel must be what is used
  process.env.REDIS_SENTINELS = `127.0.0.1:${sentinelPort}`
  process.env.REDIS_SENTINEL_NAME = MASTER
  resetEnvCache()
}, 40_000)

afterAll(async () => {
  for (const c of connections.splice(0)) c.disconnect()
  await Promise.all(
    processes.map(async (child) => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once("exit", resolve))
      child.kill("SIGKILL")
      await exited
    }),
  )
  rmSync(dir, { recursive: true, force: true })
  resetEnvCache()
})

describe("Redis through Sentinel", () => {
  it("keeps a live page's subscription and the job schedules going across a failover", async () => {
    expect(getEnv().REDIS_SENTINELS).toEqual([`127.0.0.1:${sentinelPort}`])
    const channel = redisChannel("live", `sentinel-${process.pid}`)
    const subscriber = createSubscriberRedis()
    const publisher = createRedis("worker")
    connections.push(subscriber, publisher)
    const received: string[] = []
    subscriber.on("message", (_channel: string, text: string) => received.push(text))
    await subscriber.subscribe(channel)

    const queueName = `sentinel-${process.pid}`
    const prefix = queuePrefix()
    const queueConnection = createRedis("worker")
    const workerConnection = createRedis("worker")
    connections.push(queueConnection, workerConnection)
    const queue = new Queue(queueName, { connection: queueConnection, prefix })
    let ran = 0
    const worker = new Worker(queueName, async () => void (ran += 1), { connection: workerConnection, prefix, concurrency: 1 })
    worker.on("error", () => undefined)
    queue.on("error", () => undefined)
    try {
      await queue.upsertJobScheduler("tick", { every: 300 }, { name: "tick", opts: { removeOnComplete: 10, removeOnFail: 10 } })

      // Before: through the sentinel to the primary.
      await expect.poll(async () => (await publisher.publish(channel, "before"), received.includes("before")), { timeout: 5_000 }).toBe(true)
      await expect.poll(() => ran, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
      expect(await publisher.info("server")).toContain(`tcp_port:${primaryPort}`)
      await publisher.call("WAIT", "1", "2000") // the scheduler's keys reached the replica

      await sentinel.call("SENTINEL", "FAILOVER", MASTER)
      await vi.waitFor(async () => expect(await sentinel.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER)).toEqual(["127.0.0.1", String(replicaPort)]), {
        timeout: 20_000,
        interval: 200,
      })

      // After: the same connections, now on the former replica (ioredis's failover detector hears the
      // sentinel's +switch-master and reconnects; the sentinel demotes the old primary seconds later).
      const ranAtFailover = ran
      await expect.poll(async () => (await publisher.publish(channel, "after").catch(() => 0), received.includes("after")), { timeout: 20_000, interval: 300 }).toBe(true)
      await expect.poll(() => ran, { timeout: 20_000 }).toBeGreaterThanOrEqual(ranAtFailover + 3)
      await expect.poll(async () => /tcp_port:(\d+)/.exec(await publisher.info("server"))?.[1], { timeout: 10_000 }).toBe(String(replicaPort))
      expect(await direct(replicaPort).info("replication")).toContain("role:master")
      // The subscription itself moved to the new primary (not only relayed by the demoted one).
      expect(await direct(replicaPort).call("PUBSUB", "NUMSUB", channel)).toEqual([channel, 1])
    } finally {
      await worker.close()
      await queue.close()
    }
  }, 60_000)
})
