// The user guides (docs/guides/): each exists in French and English, every image they show is a
// screenshot the browser tests wrote (docs/screenshots/), every local link and anchor resolves, and
// the README links them.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"

const root = path.resolve(__dirname, "..")
const guidesDir = path.join(root, "docs/guides")
const guides = readdirSync(guidesDir).filter((f) => f.endsWith(".md"))

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>()
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(id!)
  for (const [, title] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    anchors.add(title!.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-"))
  }
  return anchors
}

/** Local targets of links and images: [text](target) and ![alt](target), http(s) and mailto left out. */
function localTargets(markdown: string): { image: boolean; file: string; anchor?: string }[] {
  return [...markdown.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)]
    .filter(([, , target]) => !/^[a-z]+:/i.test(target!))
    .map(([, bang, target]) => {
      const [file, anchor] = target!.split("#")
      return { image: bang === "!", file: file!, anchor }
    })
}

describe("docs/guides", () => {
  it("has the teachers', students' and admins' guides in French and English", () => {
    for (const audience of ["teachers", "students", "admins"]) {
      expect(guides).toContain(`${audience}.fr.md`)
      expect(guides).toContain(`${audience}.en.md`)
    }
    for (const guide of guides) expect(guides, guide).toContain(guide.replace(/\.(fr|en)\.md$/, (_, lang: string) => (lang === "fr" ? ".en.md" : ".fr.md")))
  })

  it("shows only screenshots that exist, and every local link and anchor resolves", () => {
    for (const guide of guides) {
      const targets = localTargets(readFileSync(path.join(guidesDir, guide), "utf8"))
      expect(targets.filter((t) => t.image).length, `${guide} shows no screenshot`).toBeGreaterThan(0)
      for (const target of targets) {
        const file = target.file ? path.resolve(guidesDir, target.file) : path.join(guidesDir, guide)
        if (target.image) expect(path.relative(root, file), guide).toMatch(/^docs\/screenshots\/[^/]+\.png$/)
        expect(existsSync(file), `${guide} → ${target.file}`).toBe(true)
        if (target.anchor) expect(anchorsOf(readFileSync(file, "utf8")), `${guide} → ${target.file}#${target.anchor}`).toContain(target.anchor)
      }
    }
  })

  it("is linked from the README", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8")
    for (const guide of guides) expect(readme, guide).toContain(`docs/guides/${guide}`)
  })
})
