import { randomUUID } from "node:crypto"

import { TEST_ENV } from "./vitest.test-env"

Object.assign(process.env, TEST_ENV)
// Each test file gets a Redis namespace of its own, inside its test instance's (style §10: unique
// queue prefix per test): keys, channels and queues of two files or two checkouts never meet.
process.env.REDIS_PREFIX = `${TEST_ENV.REDIS_PREFIX}-${randomUUID().slice(0, 8)}`
