-- AlterTable
ALTER TABLE "lives" ADD COLUMN     "page_slug" TEXT;

-- CreateIndex
CREATE INDEX "lives_page_slug_idx" ON "lives"("page_slug");


-- The lives that have a broadcaster now keep its address.
UPDATE "lives" SET "page_slug" = "broadcasters"."slug" FROM "broadcasters" WHERE "broadcasters"."id" = "lives"."broadcaster_id";
