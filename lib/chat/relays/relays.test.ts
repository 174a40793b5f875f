import { describe, expect, it } from "vitest"

import { supportsSendChatMessage } from "./choose-chat-relay"
import { redisChatLine } from "./redis-relay"

describe("supportsSendChatMessage", () => {
  it("is true from BBB 3.0 on", () => {
    for (const version of ["3.0.0", "3.0.4", "3.1", "4.0-beta.1"]) expect(supportsSendChatMessage(version)).toBe(true)
  })

  it("is false for older servers and for servers that do not say (Scalelite, simulator)", () => {
    for (const version of ["2.7.3", "2.6", "simulator", "", null]) expect(supportsSendChatMessage(version)).toBe(false)
  })
})

describe("redisChatLine", () => {
  it("is the bot's plain-text contract: (First Last) message, on one line", () => {
    expect(redisChatLine("Zoé Martin", "Bonjour")).toBe("(Zoé Martin) Bonjour")
    expect(redisChatLine("Ana\nCosta", "a\r\nb")).toBe("(Ana Costa) a b")
  })
})
