-- CreateTable
CREATE TABLE "live_capacity_samples" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "active_lives" INTEGER NOT NULL,
    "cap" INTEGER NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "live_capacity_samples_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "live_capacity_samples_at_idx" ON "live_capacity_samples"("at");

