-- CreateEnum
CREATE TYPE "ChatMessageSource" AS ENUM ('PAGE', 'ROOM');

-- AlterTable
ALTER TABLE "lives" ADD COLUMN     "chat_closed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "chat_slow_mode_seconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "show_room_chat" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "chat_messages" ADD COLUMN     "answered_at" TIMESTAMP(3),
ADD COLUMN     "hidden_at" TIMESTAMP(3),
ADD COLUMN     "hidden_by_id" INTEGER,
ADD COLUMN     "hidden_by_name" TEXT,
ADD COLUMN     "is_question" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "source" "ChatMessageSource" NOT NULL DEFAULT 'PAGE',
ADD COLUMN     "votes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "chat_mutes" (
    "id" SERIAL NOT NULL,
    "live_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "muted_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_mutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_question_votes" (
    "message_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_question_votes_pkey" PRIMARY KEY ("message_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "chat_mutes_live_id_user_id_key" ON "chat_mutes"("live_id", "user_id");

-- AddForeignKey
ALTER TABLE "chat_mutes" ADD CONSTRAINT "chat_mutes_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_question_votes" ADD CONSTRAINT "chat_question_votes_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "chat_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

