import { defineConfig } from "@playwright/test"

import { E2E_ENV, E2E_PORT } from "./e2e/fixtures/env"
import { TEST_INSTANCE } from "./vitest.test-env"

// Browser tests run Debian's Chromium (never a downloaded browser) against a production build
// served on a test port with its own database, seeded by scripts/e2e-server.sh. npm test runs two such
// stacks at once (E2E_STACK=0 and 1, scripts/test.sh), each with a share of the spec files.
export default defineConfig({
  testDir: "./e2e",
  outputDir: `test-results/playwright${TEST_INSTANCE.stack ? `-${TEST_INSTANCE.stack}` : ""}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://localhost:${E2E_PORT}/api/health/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: E2E_ENV,
    stdout: "pipe",
    stderr: "pipe",
  },
})
