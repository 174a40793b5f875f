import { TEST_ENV } from "./vitest.test-env"

Object.assign(process.env, TEST_ENV)
