-- AlterTable
ALTER TABLE "streamer_slots" ADD COLUMN     "disabled_by_agent" BOOLEAN NOT NULL DEFAULT false;


-- Until now only the agent disabled slots (those above its NUMBER_LIVES, register-slots.ts): no admin
-- page did, and no runbook told anyone to disable one by hand. The slots disabled today are taken as
-- the agent's, so that raising NUMBER_LIVES gives them back at the agent's next start.
UPDATE "streamer_slots" SET "disabled_by_agent" = true WHERE NOT "is_enabled";
