// Doctor: BigBlueButton or Scalelite at BBB_SERVER_URL. Three lines: the API root answers (its
// version), a signed getMeetings is accepted (the secret and checksum algorithm are right), and the
// chat relay that CHAT_RELAY and the version imply (docs: /work/shared/docs/streamer.md).
import { createBbbClient } from "@/lib/bbb/client"
import { BbbError } from "@/lib/bbb/errors"
import type { BbbVersion } from "@/lib/bbb/schemas"
import { supportsSendChatMessage } from "@/lib/chat/relays/choose-chat-relay"
import type { Env } from "@/lib/config/env"

import { fail, pass, reasonOf, skip, type DoctorCheck } from "./doctor-check"

type BbbSettings = Pick<Env, "BBB_SERVER_URL" | "BBB_SECRET_KEY" | "BBB_CHECKSUM_ALGORITHM" | "BBB_TIMEOUT_MS" | "CHAT_RELAY">

function describeVersion(v: BbbVersion): string {
  const api = v.apiVersion ?? v.version
  return v.bbbVersion ? `API ${api ?? "?"}, BigBlueButton ${v.bbbVersion}` : `API ${api ?? "?"}, no BigBlueButton version given (Scalelite, or BBB older than 2.6)`
}

function chatRelayCheck(env: BbbSettings, version: BbbVersion): DoctorCheck {
  const CHECK = "Chat relay"
  const bot = "the streamer's chat bot on each slot's redis (BigBlueButton-liveStreaming, BBB_ENABLE_CHAT)"
  const api = supportsSendChatMessage(version.bbbVersion)
  if (env.CHAT_RELAY === "redis") return pass(CHECK, `CHAT_RELAY=redis: ${bot}`)
  if (env.CHAT_RELAY === "bbb-api") {
    if (version.bbbVersion && !api) {
      return fail(CHECK, `CHAT_RELAY=bbb-api, but BigBlueButton ${version.bbbVersion} has no sendChatMessage (3.0 or later)`, "set CHAT_RELAY=auto (or redis) until BigBlueButton is 3.0 or later")
    }
    return pass(CHECK, `CHAT_RELAY=bbb-api: sendChatMessage${version.bbbVersion ? "" : " (the version is not given: it cannot be checked here)"}`)
  }
  return pass(CHECK, `CHAT_RELAY=auto: ${api ? `sendChatMessage (BigBlueButton ${version.bbbVersion})` : bot}`)
}

export async function checkBbb(env: BbbSettings): Promise<DoctorCheck[]> {
  const client = createBbbClient({ serverUrl: env.BBB_SERVER_URL, secret: env.BBB_SECRET_KEY, checksumAlgorithm: env.BBB_CHECKSUM_ALGORITHM, timeoutMs: Math.min(env.BBB_TIMEOUT_MS, 10_000) })
  let version: BbbVersion
  try {
    version = await client.getVersion()
  } catch (error) {
    return [
      fail("BBB / Scalelite API", `${client.apiUrl}: ${reasonOf(error)}`, "BBB_SERVER_URL must be the BigBlueButton or Scalelite server's address (https://bbb.example.org/); check DNS, firewall and TLS from this host"),
      skip("BBB checksum (getMeetings)", "not checked: the API does not answer"),
      skip("Chat relay", "not checked: the API does not answer"),
    ]
  }
  const checks = [pass("BBB / Scalelite API", `${client.apiUrl}: ${describeVersion(version)}`)]
  try {
    const meetings = await client.getMeetings()
    checks.push(pass("BBB checksum (getMeetings)", `accepted (${env.BBB_CHECKSUM_ALGORITHM}); ${meetings.length} meeting(s) running`))
  } catch (error) {
    const checksum = error instanceof BbbError && error.messageKey === "checksumError"
    checks.push(
      fail(
        "BBB checksum (getMeetings)",
        checksum ? "refused: checksumError (the secret or the checksum algorithm is wrong)" : reasonOf(error),
        checksum
          ? "set BBB_SECRET_KEY to the server's secret (bbb-conf --secret on BBB, LOADBALANCER_SECRET on Scalelite) and BBB_CHECKSUM_ALGORITHM to one it accepts"
          : "check that BBB_SERVER_URL is the API of a BigBlueButton or Scalelite server and that it works (bbb-conf --check)",
      ),
    )
  }
  checks.push(chatRelayCheck(env, version))
  return checks
}
