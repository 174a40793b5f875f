import { describe, expect, it } from "vitest"

import { assertServices, checkDatabase, checkRedis } from "./check-services"

describe("service checks", () => {
  it("accept the running PostgreSQL and Redis", async () => {
    expect(await checkDatabase(process.env.DATABASE_URL!)).toEqual({ ok: true })
    expect(await checkRedis(process.env.REDIS_URL!)).toEqual({ ok: true })
  })

  it("name PostgreSQL and its address when it does not answer", async () => {
    const status = await checkDatabase("postgresql://postgres@127.0.0.1:1/x", 1_000)
    expect(status.ok).toBe(false)
    expect(!status.ok && status.message).toMatch(/^PostgreSQL does not answer at 127\.0\.0\.1:1/)
  })

  it("name Redis and its address when it does not answer", async () => {
    const status = await checkRedis("redis://127.0.0.1:1", 1_000)
    expect(!status.ok && status.message).toMatch(/^Redis does not answer at 127\.0\.0\.1:1/)
  })

  it("throw a typed error for the first service down", async () => {
    await expect(
      assertServices({ DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL: "redis://127.0.0.1:1" }),
    ).rejects.toMatchObject({ code: "QUEUE_UNAVAILABLE", message: expect.stringContaining("Redis does not answer") })
  })
})
