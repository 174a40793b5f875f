// Structured logs (pino). Secrets are redacted by key wherever they appear.
import pino from "pino"

import { getEnv } from "@/lib/config/env"

export const logger = pino({
  level: getEnv().LOG_LEVEL,
  redact: {
    paths: ["secret", "*.secret", "password", "*.password", "passwordHash", "*.passwordHash", "checksum", "*.checksum"],
    censor: "[redacted]",
  },
  base: { app: "bbb-pod-live" },
})

export type Logger = typeof logger
