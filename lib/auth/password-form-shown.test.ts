import { describe, expect, it } from "vitest"

import { passwordFormShown } from "./password-form-shown"

describe("passwordFormShown", () => {
  it("shows the form with local sign-in on, hides it with LOCAL_SIGN_IN=false except at /login?local=1", () => {
    expect(passwordFormShown({ AUTH_LOCAL_ACCOUNTS: true, LOCAL_SIGN_IN: true }, {})).toBe(true)
    expect(passwordFormShown({ AUTH_LOCAL_ACCOUNTS: true, LOCAL_SIGN_IN: false }, {})).toBe(false)
    expect(passwordFormShown({ AUTH_LOCAL_ACCOUNTS: true, LOCAL_SIGN_IN: false }, { local: "true" })).toBe(false)
    expect(passwordFormShown({ AUTH_LOCAL_ACCOUNTS: true, LOCAL_SIGN_IN: false }, { local: "1" })).toBe(true)
    expect(passwordFormShown({ AUTH_LOCAL_ACCOUNTS: false, LOCAL_SIGN_IN: true }, { local: "1" })).toBe(false)
  })
})
