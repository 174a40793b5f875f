import os from "node:os"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "tools/**/*.test.ts", "workers/**/*.test.ts", "scripts/**/*.test.ts", "app/_lib/**/*.test.ts", "server/**/*.test.ts", "components/**/*.test.ts"],
    exclude: ["node_modules", "e2e", ".next"],
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one PostgreSQL test database; isolation comes from unique data.
    pool: "forks",
    // Two files at a time even on a 2-core machine (vitest's default there is one): most integration
    // files wait on real services (PostgreSQL, Redis, ffmpeg streams in real time, nginx), not on the CPU.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
})
