-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'TEACHER', 'STUDENT');

-- CreateEnum
CREATE TYPE "AttendeeRole" AS ENUM ('MODERATOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "MatchStatus" AS ENUM ('UNMATCHED', 'BY_NAME', 'BY_EXTERNAL_ID', 'BY_ADMIN', 'AMBIGUOUS');

-- CreateEnum
CREATE TYPE "LiveStatus" AS ENUM ('REQUESTED', 'STARTING', 'RUNNING', 'STOPPING', 'STOPPED', 'FAILED');

-- CreateEnum
CREATE TYPE "ExternalRecordingType" AS ENUM ('BIGBLUEBUTTON', 'PEERTUBE', 'YOUTUBE', 'VIDEO');

-- CreateEnum
CREATE TYPE "ClaimableRecordingStatus" AS ENUM ('WAITING', 'CONVERTING', 'CLAIMED');

-- CreateEnum
CREATE TYPE "DraftVideoStatus" AS ENUM ('DRAFT', 'ENCODING_QUEUED');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "name_key_first_last" TEXT NOT NULL,
    "name_key_last_first" TEXT NOT NULL,
    "external_id" TEXT,
    "oidc_subject" TEXT,
    "password_hash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'STUDENT',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meetings" (
    "id" SERIAL NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "internal_meeting_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "session_date" TIMESTAMP(3) NOT NULL,
    "recorded" BOOLEAN NOT NULL DEFAULT false,
    "is_breakout" BOOLEAN NOT NULL DEFAULT false,
    "parent_meeting_id" TEXT,
    "participant_count" INTEGER NOT NULL DEFAULT 0,
    "moderator_count" INTEGER NOT NULL DEFAULT 0,
    "sync_hash" TEXT,
    "last_seen_running_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),
    "published_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendees" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "attendee_key" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "normalized_name" TEXT NOT NULL,
    "role" "AttendeeRole" NOT NULL,
    "bbb_user_id" TEXT,
    "ext_user_id" TEXT,
    "user_id" INTEGER,
    "match_status" "MatchStatus" NOT NULL DEFAULT 'UNMATCHED',
    "last_seen_at" TIMESTAMP(3) NOT NULL,
    "left_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attendees_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "buildings" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "buildings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "broadcasters" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "hls_url" TEXT NOT NULL,
    "is_on_air" BOOLEAN NOT NULL DEFAULT false,
    "is_restricted" BOOLEAN NOT NULL DEFAULT false,
    "is_public" BOOLEAN NOT NULL DEFAULT true,
    "building_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "broadcasters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "streamer_slots" (
    "id" SERIAL NOT NULL,
    "server_number" INTEGER NOT NULL,
    "slot_number" INTEGER NOT NULL,
    "hostname" TEXT NOT NULL,
    "redis_port" INTEGER NOT NULL,
    "redis_channel" TEXT NOT NULL,
    "workdir" TEXT NOT NULL,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "current_live_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "streamer_slots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lives" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "active_meeting_id" INTEGER,
    "requested_by_id" INTEGER NOT NULL,
    "status" "LiveStatus" NOT NULL DEFAULT 'REQUESTED',
    "failure_reason" TEXT,
    "is_restricted" BOOLEAN NOT NULL DEFAULT false,
    "show_chat" BOOLEAN NOT NULL DEFAULT true,
    "download_meeting" BOOLEAN NOT NULL DEFAULT false,
    "enable_chat" BOOLEAN NOT NULL DEFAULT false,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "slot_id" INTEGER,
    "server_label" TEXT,
    "broadcaster_id" INTEGER,
    "redis_host" TEXT,
    "redis_port" INTEGER,
    "redis_channel" TEXT,
    "compose_rendered_at" TIMESTAMP(3),
    "streamer_started_at" TIMESTAMP(3),
    "recording_path" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_messages" (
    "id" SERIAL NOT NULL,
    "live_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "author_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "receivers" INTEGER NOT NULL DEFAULT 0,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "draft_videos" (
    "id" SERIAL NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "source_path" TEXT NOT NULL,
    "status" "DraftVideoStatus" NOT NULL DEFAULT 'DRAFT',
    "live_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "draft_videos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external_recordings" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "start_at" TIMESTAMP(3) NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "type" "ExternalRecordingType" NOT NULL,
    "source_url" TEXT NOT NULL,
    "state" TEXT,
    "uploaded_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_recordings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claimable_recordings" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "recorder" TEXT NOT NULL,
    "source_file" TEXT NOT NULL,
    "origin_record_id" TEXT,
    "start_at" TIMESTAMP(3),
    "status" "ClaimableRecordingStatus" NOT NULL DEFAULT 'WAITING',
    "claimed_by_id" INTEGER,
    "claimed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claimable_recordings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "users_external_id_key" ON "users"("external_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users"("oidc_subject");

-- CreateIndex
CREATE INDEX "users_name_key_first_last_idx" ON "users"("name_key_first_last");

-- CreateIndex
CREATE INDEX "users_name_key_last_first_idx" ON "users"("name_key_last_first");

-- CreateIndex
CREATE UNIQUE INDEX "meetings_internal_meeting_id_key" ON "meetings"("internal_meeting_id");

-- CreateIndex
CREATE INDEX "meetings_ended_at_last_seen_running_at_idx" ON "meetings"("ended_at", "last_seen_running_at");

-- CreateIndex
CREATE INDEX "meetings_meeting_id_idx" ON "meetings"("meeting_id");

-- CreateIndex
CREATE INDEX "attendees_user_id_role_idx" ON "attendees"("user_id", "role");

-- CreateIndex
CREATE INDEX "attendees_normalized_name_idx" ON "attendees"("normalized_name");

-- CreateIndex
CREATE INDEX "attendees_ext_user_id_idx" ON "attendees"("ext_user_id");

-- CreateIndex
CREATE INDEX "attendees_match_status_idx" ON "attendees"("match_status");

-- CreateIndex
CREATE UNIQUE INDEX "attendees_meeting_id_attendee_key_key" ON "attendees"("meeting_id", "attendee_key");

-- CreateIndex
CREATE UNIQUE INDEX "buildings_name_key" ON "buildings"("name");

-- CreateIndex
CREATE UNIQUE INDEX "broadcasters_slug_key" ON "broadcasters"("slug");

-- CreateIndex
CREATE INDEX "broadcasters_is_on_air_idx" ON "broadcasters"("is_on_air");

-- CreateIndex
CREATE UNIQUE INDEX "streamer_slots_current_live_id_key" ON "streamer_slots"("current_live_id");

-- CreateIndex
CREATE UNIQUE INDEX "streamer_slots_server_number_slot_number_key" ON "streamer_slots"("server_number", "slot_number");

-- CreateIndex
CREATE UNIQUE INDEX "lives_active_meeting_id_key" ON "lives"("active_meeting_id");

-- CreateIndex
CREATE UNIQUE INDEX "lives_broadcaster_id_key" ON "lives"("broadcaster_id");

-- CreateIndex
CREATE INDEX "lives_status_requested_at_idx" ON "lives"("status", "requested_at");

-- CreateIndex
CREATE INDEX "lives_meeting_id_idx" ON "lives"("meeting_id");

-- CreateIndex
CREATE INDEX "lives_requested_by_id_idx" ON "lives"("requested_by_id");

-- CreateIndex
CREATE INDEX "chat_messages_live_id_sent_at_idx" ON "chat_messages"("live_id", "sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "draft_videos_live_id_key" ON "draft_videos"("live_id");

-- CreateIndex
CREATE INDEX "draft_videos_owner_id_idx" ON "draft_videos"("owner_id");

-- CreateIndex
CREATE INDEX "external_recordings_owner_id_idx" ON "external_recordings"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "external_recordings_source_url_owner_id_key" ON "external_recordings"("source_url", "owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "claimable_recordings_source_file_key" ON "claimable_recordings"("source_file");

-- CreateIndex
CREATE INDEX "claimable_recordings_status_idx" ON "claimable_recordings"("status");

-- AddForeignKey
ALTER TABLE "attendees" ADD CONSTRAINT "attendees_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendees" ADD CONSTRAINT "attendees_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "broadcasters" ADD CONSTRAINT "broadcasters_building_id_fkey" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "streamer_slots" ADD CONSTRAINT "streamer_slots_current_live_id_fkey" FOREIGN KEY ("current_live_id") REFERENCES "lives"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lives" ADD CONSTRAINT "lives_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lives" ADD CONSTRAINT "lives_active_meeting_id_fkey" FOREIGN KEY ("active_meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lives" ADD CONSTRAINT "lives_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lives" ADD CONSTRAINT "lives_slot_id_fkey" FOREIGN KEY ("slot_id") REFERENCES "streamer_slots"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lives" ADD CONSTRAINT "lives_broadcaster_id_fkey" FOREIGN KEY ("broadcaster_id") REFERENCES "broadcasters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_videos" ADD CONSTRAINT "draft_videos_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_videos" ADD CONSTRAINT "draft_videos_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_recordings" ADD CONSTRAINT "external_recordings_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_recordings" ADD CONSTRAINT "external_recordings_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claimable_recordings" ADD CONSTRAINT "claimable_recordings_claimed_by_id_fkey" FOREIGN KEY ("claimed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written (Prisma's schema language has no CHECK constraints): a live holds its meeting's
-- "active" slot exactly while it is active, so the unique index on active_meeting_id means
-- "at most one active live per meeting" and no status change can forget to release it.
ALTER TABLE "lives" ADD CONSTRAINT "lives_active_meeting_consistent" CHECK (
  ("status" IN ('REQUESTED', 'STARTING', 'RUNNING', 'STOPPING') AND "active_meeting_id" = "meeting_id")
  OR ("status" IN ('STOPPED', 'FAILED') AND "active_meeting_id" IS NULL)
);
