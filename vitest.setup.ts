import { randomUUID } from "node:crypto"

import { TEST_ENV } from "./vitest.test-env"

Object.assign(process.env, TEST_ENV)
// Each test file gets queues of its own (style §10: unique queue prefix per test).
process.env.QUEUE_PREFIX = `test-${randomUUID().slice(0, 8)}`
