import { createHash } from "node:crypto"

import { describe, expect, it } from "vitest"

import { CHECKSUM_HEX_LENGTH, buildQueryString, computeChecksum, resolveApiBaseUrl, signQuery } from "./checksum"

// The worked example of the BBB API documentation ("API Security Model").
const DOC_QUERY = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444"
const DOC_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b"

describe("computeChecksum", () => {
  it("matches the SHA-1 example of the BBB documentation", () => {
    expect(computeChecksum({ callName: "create", queryString: DOC_QUERY, secret: DOC_SECRET, algorithm: "sha1" })).toBe(
      "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17",
    )
  })

  it("supports sha256, sha384 and sha512 (reference digests from openssl)", () => {
    const input = { callName: "create", queryString: DOC_QUERY, secret: DOC_SECRET }
    expect(computeChecksum({ ...input, algorithm: "sha256" })).toBe("da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e")
    expect(computeChecksum({ ...input, algorithm: "sha384" })).toBe(
      "891ac633df39d0a1b4f8d597f3e190833216c4b29c4fb51ea3ca72757eeb958d6e7b49a845cf29f5c6019c7d29d029d1",
    )
    expect(computeChecksum({ ...input, algorithm: "sha512" })).toBe(
      "de73ad61d11a5c801b68d4bd6ec5248546085cefb0b25c85f3c46249ea93a3a4b120f92c0a8a58d7512cb77821884951a3b01245f3435dbbef49fff3cc3988b4",
    )
    for (const algorithm of ["sha1", "sha256", "sha384", "sha512"] as const) {
      expect(computeChecksum({ ...input, algorithm })).toHaveLength(CHECKSUM_HEX_LENGTH[algorithm])
    }
  })
})

describe("signQuery", () => {
  it("hashes exactly the query string it returns, including encoded spaces, accents and symbols", () => {
    const params = { fullName: "Jean-Éric O'Brien & Zoë", meetingID: "cours 42/α", role: "VIEWER", redirect: false }
    const signed = signQuery({ callName: "join", params, secret: "s3cret", algorithm: "sha256" })
    const [queryString, checksum] = signed.split("&checksum=") as [string, string]
    expect(queryString).toBe(new URLSearchParams({ fullName: params.fullName, meetingID: params.meetingID, role: "VIEWER", redirect: "false" }).toString())
    expect(checksum).toBe(createHash("sha256").update(`join${queryString}s3cret`).digest("hex"))
    // the server sees the same parameters back
    expect(Object.fromEntries(new URLSearchParams(signed))).toMatchObject({ fullName: params.fullName, meetingID: params.meetingID })
  })

  it("signs a call without parameters over the empty string", () => {
    expect(signQuery({ callName: "getMeetings", params: {}, secret: "s", algorithm: "sha1" })).toBe(
      `checksum=${createHash("sha1").update("getMeetingss").digest("hex")}`,
    )
  })

  it("leaves out null and undefined parameters and keeps the given order", () => {
    expect(buildQueryString({ b: "2", a: 1, skip: undefined, none: null, t: true })).toBe("b=2&a=1&t=true")
  })
})

describe("resolveApiBaseUrl", () => {
  it.each([
    ["https://bbb.example.org", "https://bbb.example.org/bigbluebutton/api/"],
    ["https://bbb.example.org/", "https://bbb.example.org/bigbluebutton/api/"],
    ["https://bbb.example.org/bigbluebutton/", "https://bbb.example.org/bigbluebutton/api/"],
    ["https://bbb.example.org/bigbluebutton/api", "https://bbb.example.org/bigbluebutton/api/"],
    ["https://bbb.example.org/bigbluebutton/api/", "https://bbb.example.org/bigbluebutton/api/"],
    ["https://lb.example.org/scalelite/", "https://lb.example.org/scalelite/bigbluebutton/api/"],
    ["http://127.0.0.1:8090//", "http://127.0.0.1:8090/bigbluebutton/api/"],
    ["https://bbb.example.org/?x=1#y", "https://bbb.example.org/bigbluebutton/api/"],
  ])("%s → %s", (serverUrl, expected) => {
    expect(resolveApiBaseUrl(serverUrl)).toBe(expected)
  })
})
