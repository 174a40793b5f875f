// Every namespace a client component reads must travel to the browser (app/layout.tsx passes only
// CLIENT_NAMESPACES to NextIntlClientProvider): a missing one would show keys instead of words.
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"

import { CLIENT_NAMESPACES } from "./client-namespaces"
import fr from "./messages/fr.json"

const ROOT = path.resolve(import.meta.dirname, "../..")

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

describe("client namespaces", () => {
  it("include every namespace that a client module (or a module without directive) reads with useTranslations", () => {
    const used = new Set<string>()
    for (const file of [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))]) {
      const text = readFileSync(file, "utf8")
      // Server components read the catalogue with getTranslations; useTranslations runs in client
      // modules, and in shared modules that client modules may import.
      if (/^\s*["']use server["']/m.test(text)) continue
      for (const match of text.matchAll(/useTranslations\(\s*["']([\w.]+)["']\s*\)/g)) used.add(match[1]!.split(".")[0]!)
    }
    expect(used.size).toBeGreaterThan(5)
    expect([...used].filter((n) => !(CLIENT_NAMESPACES as readonly string[]).includes(n))).toEqual([])
  })

  it("name namespaces of the catalogue", () => {
    for (const n of CLIENT_NAMESPACES) expect(fr).toHaveProperty(n)
  })
})
