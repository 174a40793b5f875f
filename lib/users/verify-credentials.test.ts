import bcrypt from "bcryptjs"
import { describe, expect, it } from "vitest"

import { PASSWORD_HASH_ROUNDS } from "./create-user"
import { DUMMY_HASH } from "./verify-credentials"

describe("the dummy hash compared for unknown usernames", () => {
  it("costs what a real password hash costs, so unknown usernames answer in the same time", () => {
    expect(bcrypt.getRounds(DUMMY_HASH)).toBe(PASSWORD_HASH_ROUNDS)
    expect(bcrypt.compareSync("anything", DUMMY_HASH)).toBe(false)
  })
})
