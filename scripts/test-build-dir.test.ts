// npm test must not replace the build a running demo serves (issue 20): its production build goes to a
// folder of its own, and the app started by the browser tests serves that folder.
import { readFile } from "node:fs/promises"

import { describe, expect, it, vi } from "vitest"

describe("npm test's production build", () => {
  it("goes to test-results/next, never to the demo's .next", async () => {
    const script = await readFile(new URL("./test.sh", import.meta.url), "utf8")
    const distDir = /^export NEXT_DIST_DIR=(\S+)$/m.exec(script)?.[1]
    expect(distDir).toBe("test-results/next")

    vi.stubEnv("NEXT_DIST_DIR", distDir!)
    vi.resetModules()
    const { default: config } = await import("../next.config")
    expect(config.distDir).toBe("test-results/next")

    vi.stubEnv("NEXT_DIST_DIR", "")
    vi.resetModules()
    expect((await import("../next.config")).default.distDir).toBe(".next")
    vi.unstubAllEnvs()
  })

  it("is the one the browser tests' app serves", async () => {
    vi.stubEnv("NEXT_DIST_DIR", "test-results/next")
    vi.resetModules()
    const { E2E_ENV } = await import("../e2e/fixtures/env")
    expect(E2E_ENV.NEXT_DIST_DIR).toBe("test-results/next")
    vi.unstubAllEnvs()
  })
})
