// Who may follow which change topics on GET /api/events.
import { describe, expect, it } from "vitest"

import { followableChangeTopics } from "./followable-change-topics"

const user = { id: 1 }

describe("followableChangeTopics", () => {
  it("lets an anonymous visitor follow the lives topic only, and only when asking for it alone", () => {
    expect(followableChangeTopics(null, ["lives"])).toEqual(["lives"])
    expect(followableChangeTopics(null, ["meetings"])).toBeNull()
    expect(followableChangeTopics(null, ["lives", "meetings"])).toBeNull()
    expect(followableChangeTopics(null, null)).toBeNull()
    expect(followableChangeTopics(null, [""])).toBeNull()
  })

  it("gives a signed-in user every topic, or those asked (unknown names ignored)", () => {
    expect(followableChangeTopics(user, null)).toEqual(["meetings", "lives"])
    expect(followableChangeTopics(user, ["meetings"])).toEqual(["meetings"])
    expect(followableChangeTopics(user, ["lives", "nonsense"])).toEqual(["lives"])
    expect(followableChangeTopics(user, [""])).toEqual([])
  })
})
