-- AlterTable
ALTER TABLE "streamer_slots" ADD COLUMN     "agent_seen_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "lives" ADD COLUMN     "hls_advanced_at" TIMESTAMP(3),
ADD COLUMN     "hls_sequence" INTEGER,
ADD COLUMN     "restart_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "status_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "stop_reason" TEXT,
ADD COLUMN     "stream_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "lives_stream_key_key" ON "lives"("stream_key");

