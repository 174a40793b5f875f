import { describe, expect, it } from "vitest"

import { bbbNameOf, nameKeyField, normalizeName, userNameKeys } from "./name-keys"

describe("normalizeName", () => {
  it("ignores case, accents and extra spaces", () => {
    expect(normalizeName("  Hélène   LEFÈVRE ")).toBe("helene lefevre")
    expect(normalizeName("Helene Lefevre")).toBe(normalizeName("Hélène Lefèvre"))
  })

  it("treats hyphens and spaces alike", () => {
    expect(normalizeName("Jean-Pierre Martin")).toBe(normalizeName("Jean Pierre  Martin"))
    expect(normalizeName("Marie–George Buffet")).toBe("marie george buffet")
  })

  it("folds ligatures and typographic apostrophes", () => {
    expect(normalizeName("Cœur D’Artagnan")).toBe("coeur d'artagnan")
  })

  it("keeps non-Latin scripts comparable", () => {
    expect(normalizeName("Дмитрий  Шостакович")).toBe("дмитрий шостакович")
    expect(normalizeName("王 小明")).toBe("王 小明")
  })

  it("gives ASCII names the same result through its fast path as through the full one", () => {
    for (const name of ["  Jean-Pierre   O'Neil ", "J.-P. de la Tour", "ANNE_marie  smith", "Tab\tName", "x`y"]) {
      // The full path, forced by a non-ASCII character that normalises to nothing visible (U+00A0 → space).
      expect(normalizeName(name)).toBe(normalizeName(`${name}\u00a0`).trim())
    }
  })

  it("does not make a one-word name equal to a longer one", () => {
    expect(normalizeName("Jean")).not.toBe(normalizeName("Jean Martin"))
  })
})

describe("userNameKeys", () => {
  it("builds both orders", () => {
    expect(userNameKeys("Hélène", "Lefèvre")).toEqual({
      nameKeyFirstLast: "helene lefevre",
      nameKeyLastFirst: "lefevre helene",
    })
  })
})

describe("BBB_USERNAME_FORMAT", () => {
  it("picks the user key in the order BBB shows names", () => {
    expect(nameKeyField("first_name last_name")).toBe("nameKeyFirstLast")
    expect(nameKeyField("last_name first_name")).toBe("nameKeyLastFirst")
  })

  it("gives the name a user must have in BBB to be matched, in the same order", () => {
    const user = { firstName: "Hélène", lastName: "Lefèvre" }
    expect(bbbNameOf(user, "first_name last_name")).toBe("Hélène Lefèvre")
    expect(bbbNameOf(user, "last_name first_name")).toBe("Lefèvre Hélène")
    // The displayed name normalises to the key the matching compares with.
    const keys = userNameKeys(user.firstName, user.lastName)
    expect(normalizeName(bbbNameOf(user, "last_name first_name"))).toBe(keys[nameKeyField("last_name first_name")])
    expect(normalizeName(bbbNameOf(user, "first_name last_name"))).toBe(keys[nameKeyField("first_name last_name")])
  })
})
