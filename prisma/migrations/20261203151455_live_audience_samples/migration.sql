-- CreateTable
CREATE TABLE "live_audience_samples" (
    "id" SERIAL NOT NULL,
    "live_id" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "viewers" INTEGER NOT NULL,
    "signed_in" INTEGER NOT NULL,
    "anonymous" INTEGER NOT NULL,
    "distinct_viewers" INTEGER NOT NULL,
    "renditions" JSONB,

    CONSTRAINT "live_audience_samples_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "live_audience_samples_live_id_at_idx" ON "live_audience_samples"("live_id", "at");

-- CreateIndex
CREATE INDEX "live_audience_samples_at_idx" ON "live_audience_samples"("at");

-- AddForeignKey
ALTER TABLE "live_audience_samples" ADD CONSTRAINT "live_audience_samples_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

