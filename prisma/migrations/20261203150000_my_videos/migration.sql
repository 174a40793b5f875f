-- CreateEnum
CREATE TYPE "VideoOrigin" AS ENUM ('IMPORT', 'CLAIM', 'LIVE');

-- CreateEnum
CREATE TYPE "VideoSharing" AS ENUM ('PRIVATE', 'SIGNED_IN', 'LINK');

-- AlterTable
ALTER TABLE "draft_videos" ADD COLUMN     "deleted_at" TIMESTAMP(3),
ADD COLUMN     "duration_seconds" INTEGER,
ADD COLUMN     "origin" "VideoOrigin" NOT NULL DEFAULT 'IMPORT',
ADD COLUMN     "share_token" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
ADD COLUMN     "sharing" "VideoSharing" NOT NULL DEFAULT 'PRIVATE';

-- CreateIndex
CREATE UNIQUE INDEX "draft_videos_share_token_key" ON "draft_videos"("share_token");


-- Existing videos: a live's recording has its live; a claimed one has its claim directory file.
UPDATE "draft_videos" SET "origin" = 'LIVE' WHERE "live_id" IS NOT NULL;
UPDATE "draft_videos" d SET "origin" = 'CLAIM' FROM "claimable_recordings" c WHERE d."live_id" IS NULL AND c."source_file" = d."source_path";
