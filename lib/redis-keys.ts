// The one place Redis keys and pub/sub channels are named. Every key and channel of the app is
// prefixed with the installation's namespace (REDIS_PREFIX): installations and test instances that
// share one Redis server never read each other's keys nor hear each other's channels (pub/sub ignores
// the database index, so a separate database is not enough). BullMQ's prefix follows it (queuePrefix).
//
// Not here: the streamer slots' chat channels (`chatN` on each slot's own redis), a contract with
// BigBlueButton-liveStreaming. redis-keys.test.ts fails when a `bbb-pod-live:` key is written elsewhere.
import { getEnv, type Env } from "@/lib/config/env"

type KeyPart = string | number

/** The installation's namespace: every key and channel starts with it. */
export function redisNamespace(env: Pick<Env, "REDIS_PREFIX"> = getEnv()): string {
  return env.REDIS_PREFIX
}

/** A key under an explicit namespace (browser-test fixtures naming the app's keys from outside it). */
export function namespacedKey(namespace: string, ...parts: KeyPart[]): string {
  return [namespace, ...parts].join(":")
}

/** A Redis key of this installation, e.g. `redisKey("viewers", 6)`. */
export function redisKey(...parts: KeyPart[]): string {
  return namespacedKey(redisNamespace(), ...parts)
}

/** A channel under an explicit namespace (browser-test fixtures publishing to the app under test). */
export function namespacedChannel(namespace: string, ...parts: KeyPart[]): string {
  return namespacedKey(namespace, "channel", ...parts)
}

/** A pub/sub channel of this installation, e.g. `redisChannel("live", 6)`. */
export function redisChannel(...parts: KeyPart[]): string {
  return namespacedChannel(redisNamespace(), ...parts)
}

/**
 * BullMQ's `prefix` (its keys are `<prefix>:<queue>:…`): `<namespace>:bull`, or the deprecated
 * QUEUE_PREFIX while an existing install still sets it (settingsWarnings says so at start-up).
 */
export function queuePrefix(env: Pick<Env, "REDIS_PREFIX" | "QUEUE_PREFIX"> = getEnv()): string {
  return env.QUEUE_PREFIX ?? namespacedKey(redisNamespace(env), "bull")
}
