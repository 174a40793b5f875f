-- AlterTable
ALTER TABLE "draft_videos" ADD COLUMN     "size_bytes" BIGINT;

