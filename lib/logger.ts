// Structured logs (pino). Secrets are redacted by key wherever they appear.
// Created on first use, so importing this module never reads the settings (entry points load .env
// and validate settings first, see lib/boot/bootstrap.ts).
import pino from "pino"

import { getEnv } from "@/lib/config/env"

export type Logger = pino.Logger

let instance: Logger | undefined

function getLogger(): Logger {
  instance ??= pino({
    level: getEnv().LOG_LEVEL,
    redact: {
      paths: ["secret", "*.secret", "password", "*.password", "passwordHash", "*.passwordHash", "checksum", "*.checksum"],
      censor: "[redacted]",
    },
    base: { app: "bbb-pod-live" },
  })
  return instance
}

export const logger: Logger = new Proxy({} as Logger, {
  get(_target, property) {
    const real = getLogger()
    const value = Reflect.get(real, property, real) as unknown
    return typeof value === "function" ? value.bind(real) : value
  },
})
