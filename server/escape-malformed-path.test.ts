import { describe, expect, it } from "vitest"

import { escapeMalformedPath } from "./escape-malformed-path"

describe("escapeMalformedPath", () => {
  it("leaves a path that decodes as it is, query included", () => {
    for (const target of ["/lives/cours-1", "/lives/%C3%A9t%C3%A9?x=%E0", "/", "/a%2Fb#frag"]) expect(escapeMalformedPath(target)).toBe(target)
  })

  it("escapes every % of a path that does not decode, keeping the query as sent", () => {
    expect(escapeMalformedPath("/lives/%E0%A4%A")).toBe("/lives/%25E0%25A4%25A")
    expect(escapeMalformedPath("/lives/%?callbackUrl=%2F")).toBe("/lives/%25?callbackUrl=%2F")
    expect(decodeURIComponent(escapeMalformedPath("/lives/%E0%A4%A"))).toBe("/lives/%E0%A4%A")
  })
})
