// npm run agent — the streamer agent of one streamer server (SERVER_NUMBER): registers its slots,
// reconciles them with what actually runs (after a crash, an orphan streamer is stopped and a stuck
// live resumed), then starts and stops streamers as the orchestrator asks, and ticks every
// AGENT_TICK_MS.
import { bootstrap } from "@/lib/boot/bootstrap"
import { logger } from "@/lib/logger"
import { getStreamerDriver } from "@/lib/streamers/get-streamer-driver"
import { reconcileSlots } from "@/lib/streamers/reconcile-slots"
import { registerSlots } from "@/lib/streamers/register-slots"

import { agentWorkers } from "./registry"
import { closeOnSignals, startWorkers } from "./run-worker"

const env = await bootstrap("agent")
const driver = getStreamerDriver()
await registerSlots(env)
await reconcileSlots({ serverNumber: env.SERVER_NUMBER, driver })
const workers = await startWorkers(agentWorkers(env, driver))
closeOnSignals(workers)
logger.info({ server: env.SERVER_NUMBER, slots: env.NUMBER_LIVES, driver: driver.name, tickMs: env.AGENT_TICK_MS }, "streamer agent running")
