import { describe, expect, it } from "vitest"

import { APP_ERROR_CODES } from "@/lib/errors"

import en from "./messages/en.json"
import fr from "./messages/fr.json"

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe("i18n catalogues", () => {
  it("have the same keys in French and English", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort())
  })

  it("translate every error code", () => {
    for (const code of APP_ERROR_CODES) {
      expect(fr.errors).toHaveProperty(code)
      expect(en.errors).toHaveProperty(code)
    }
  })

  it("have no empty message", () => {
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : values(v)))
    expect([...values(fr), ...values(en)].filter((v) => v.trim() === "")).toEqual([])
  })

  it("write French typographically: a no-break space before : ; ! ? and inside « »", () => {
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : values(v)))
    const bad = values(fr).filter((v) => / [:;!?»]|« |[^\u00a0\u202f{]»|«[^\u00a0\u202f]|[^\s\u00a0\u202f][;!?»](?!\/)/u.test(v.replace(/\{[^}]*\}/g, "x")))
    expect(bad).toEqual([])
  })
})
