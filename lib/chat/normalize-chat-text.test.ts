import { describe, expect, it } from "vitest"

import { normalizeChatText } from "./normalize-chat-text"

describe("normalizeChatText", () => {
  it("trims and keeps inner spacing and unicode", () => {
    expect(normalizeChatText("  Bonjour à tous 👋  ")).toBe("Bonjour à tous 👋")
  })

  it("turns line breaks (any kind, in runs) into one space", () => {
    expect(normalizeChatText("line one\nline two\r\n\r\nline three\u2028end")).toBe("line one line two line three end")
  })

  it("removes control characters and tabs", () => {
    expect(normalizeChatText("a\u0000b\u0007c\td\u007f")).toBe("abc d")
  })

  it("leaves nothing of blank input", () => {
    expect(normalizeChatText(" \n\t\r\n ")).toBe("")
  })

  it("keeps HTML as plain text (it is rendered as text, never as markup)", () => {
    expect(normalizeChatText("<script>alert(1)</script>")).toBe("<script>alert(1)</script>")
  })
})
