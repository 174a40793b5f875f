// The one place Redis keys and pub/sub channels are named. Every key and channel of the app is
// prefixed with the installation's namespace: installations and test instances that share one Redis
// server never read each other's keys nor hear each other's channels (pub/sub ignores the database
// index, so a separate database is not enough).
import { getEnv } from "@/lib/config/env"

type KeyPart = string | number

/** The installation's namespace: every key and channel starts with it. */
export function redisNamespace(): string {
  return `bbb-pod-live:${getEnv().QUEUE_PREFIX}`
}

/** A Redis key of this installation, e.g. `redisKey("viewers", 6)`. */
export function redisKey(...parts: KeyPart[]): string {
  return [redisNamespace(), ...parts].join(":")
}

/** A pub/sub channel of this installation, e.g. `redisChannel("live", 6)`. */
export function redisChannel(...parts: KeyPart[]): string {
  return [redisNamespace(), "channel", ...parts].join(":")
}
