import { describe, expect, it } from "vitest"

import { assertSuccess, createBbbXmlParser, readBbbResponse } from "./parse-xml"
import { decodeXmlEntities, decodeXmlText, scanBbbXml } from "./scan-xml"
import { bbbErrorOf, fixture } from "./test-helpers"

describe("the BBB envelope", () => {
  const parser = createBbbXmlParser([])

  it("accepts SUCCESS carrying an informative messageKey (create's duplicateWarning)", () => {
    const { scan, response } = readBbbResponse(fixture("create-duplicate-warning.xml"), "create", parser)
    expect(scan).toMatchObject({ returncode: "SUCCESS", messageKey: "duplicateWarning" })
    expect(response.internalMeetingID).toBe("640ab2bae07bedc4c163f679a746f7ab7fb5d1fa-1531155809613")
  })

  it("reads returncode case-insensitively and SUCCESS + sentEndMeetingRequest", () => {
    expect(() => assertSuccess(scanBbbXml("<response><returncode>success</returncode></response>", "x"), "x")).not.toThrow()
    expect(readBbbResponse(fixture("end-success.xml"), "end", parser).scan.messageKey).toBe("sentEndMeetingRequest")
  })

  it("turns FAILED into an error even without messageKey, and a missing or unknown returncode into a schema error", async () => {
    expect(await bbbErrorOf(() => readBbbResponse("<response><returncode>FAILED</returncode></response>", "x", parser))).toMatchObject({ kind: "FAILED", messageKey: null })
    expect((await bbbErrorOf(() => readBbbResponse("<response><running>true</running></response>", "x", parser))).kind).toBe("SCHEMA_MISMATCH")
    expect((await bbbErrorOf(() => readBbbResponse("<response><returncode>MAYBE</returncode></response>", "x", parser))).kind).toBe("SCHEMA_MISMATCH")
  })

  it("reads the envelope fields with padding, entities and CDATA", () => {
    const scan = scanBbbXml(
      "<?xml version='1.0'?>\n<!-- a comment -->\n<response>\n <returncode>\n  FAILED\n </returncode>\n <messageKey><![CDATA[checksumError]]></messageKey>\n <message>Tom &amp; Jerry</message>\n</response>\n",
      "x",
    )
    expect(scan).toMatchObject({ returncode: "FAILED", messageKey: "checksumError", message: "Tom & Jerry" })
  })

  it("tolerates attributes containing '>' and a self-closing root", () => {
    expect(scanBbbXml('<response a="x>y"><returncode>SUCCESS</returncode></response>', "x").returncode).toBe("SUCCESS")
    expect(scanBbbXml("<response/>", "x").returncode).toBeNull()
  })
})

describe("text decoding", () => {
  it("decodes XML's named entities and numeric references only", () => {
    expect(decodeXmlEntities("&amp;&lt;&gt;&quot;&apos;&#39;&#233;&#x4E2D;&#x1F393;")).toBe(`&<>"''é中🎓`)
    expect(decodeXmlEntities("&eacute; &nbsp; &amp;amp; &#0; &#xD800; & alone")).toBe("&eacute; &nbsp; &amp; &#0; &#xD800; & alone")
  })

  it("keeps CDATA verbatim and trims the whole", () => {
    expect(decodeXmlText("  a &amp; <![CDATA[ b &amp; <c> ]]> d  ")).toBe("a &  b &amp; <c>  d")
  })

  it("parses numeric references in element text with the shared parser", () => {
    const parser = createBbbXmlParser([])
    expect(parser.parse("<r><n>Zo&#235; &amp; &#x4E2D;</n><c><![CDATA[&#235;]]></c></r>")).toEqual({ r: { n: "Zoë & 中", c: "&#235;" } })
  })

  it("ignores entities declared in a DOCTYPE (no expansion)", () => {
    const parser = createBbbXmlParser([])
    const parsed = parser.parse('<!DOCTYPE r [<!ENTITY boom "BOOM">]><r><n>&boom;</n></r>') as { r: { n: string } }
    expect(parsed.r.n).toBe("&boom;")
  })
})
