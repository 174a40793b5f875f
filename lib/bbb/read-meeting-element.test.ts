// The fast reader must give exactly what fast-xml-parser gives, or decline (null).
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"

import { readMeetingElementFast, readMeetingElementsWithParser, splitMeetingsXml } from "./parse-meetings"

const fixtures = path.join(import.meta.dirname, "fixtures")

function chunksOf(body: string): string[] {
  try {
    return splitMeetingsXml(body).map((c) => c.xml)
  } catch {
    return []
  }
}

describe("readMeetingElementFast", () => {
  const files = readdirSync(fixtures).filter((f) => f.startsWith("get-meetings"))
  it.each(files)("reads %s exactly like fast-xml-parser", (file) => {
    for (const xml of chunksOf(readFileSync(path.join(fixtures, file), "utf8"))) {
      const fast = readMeetingElementFast(xml)
      let reference: unknown
      try {
        reference = readMeetingElementsWithParser([xml])[0]
      } catch {
        expect(fast).toBeNull()
        continue
      }
      expect(fast).toEqual(reference) // every well-formed fixture takes the fast path
    }
  })

  it("declines what is outside the plain subset", () => {
    expect(readMeetingElementFast(`<meeting><a x="1">t</a></meeting>`)).toBeNull() // attribute
    expect(readMeetingElementFast(`<meeting><!-- c --><a>t</a></meeting>`)).toBeNull() // comment
    expect(readMeetingElementFast(`<meeting>text<a>t</a></meeting>`)).toBeNull() // mixed content
    expect(readMeetingElementFast(`<meeting><a>t</b></meeting>`)).toBeNull() // unbalanced
    expect(readMeetingElementFast(`<meeting><a>t</a>`)).toBeNull() // truncated
    expect(readMeetingElementFast(`<meeting><__proto__>x</__proto__></meeting>`)).toBeNull() // unsafe key
    expect(readMeetingElementFast(`<other><a>t</a></other>`)).toBeNull() // not a meeting
  })
})
