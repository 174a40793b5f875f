-- CreateEnum
CREATE TYPE "ChatRelayStatus" AS ENUM ('PENDING', 'DELIVERED', 'NO_LISTENER', 'REFUSED', 'RELAY_DOWN');

-- AlterTable
ALTER TABLE "chat_messages" ADD COLUMN     "relay" TEXT,
ADD COLUMN     "relay_status" "ChatRelayStatus" NOT NULL DEFAULT 'PENDING';

