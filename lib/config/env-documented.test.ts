// Every setting of the env schema is documented twice: in .env.example (the file an operator copies,
// one `KEY=` line, commented out or not) and in docs/operations.md (the settings table, as `KEY`).
import { readFileSync } from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"

import { envSchema } from "./env"

const root = path.resolve(__dirname, "../..")
const read = (file: string) => readFileSync(path.join(root, file), "utf8")
const keys = Object.keys(envSchema.in.shape)

describe("settings documentation", () => {
  it("reads the schema's keys", () => {
    expect(keys).toContain("DATABASE_URL")
    expect(keys.length).toBeGreaterThan(50)
  })

  it("has a KEY= line in .env.example for every setting", () => {
    const example = read(".env.example")
    expect(keys.filter((key) => !new RegExp(`^#?\\s*${key}=`, "m").test(example))).toEqual([])
  })

  it("names every setting in docs/operations.md", () => {
    const guide = read("docs/operations.md")
    expect(keys.filter((key) => !guide.includes(`\`${key}\``))).toEqual([])
  })
})
