-- DropIndex
DROP INDEX "attendees_user_id_role_idx";

-- DropIndex
DROP INDEX "attendees_normalized_name_idx";

-- DropIndex
DROP INDEX "attendees_ext_user_id_idx";

-- DropIndex
DROP INDEX "attendees_match_status_idx";


-- Hand-written partial indexes (see the comment on model Attendee in schema.prisma): only moderators
-- are matched and looked up, and only matched attendees carry a user id. Viewers no longer pay for
-- four indexes on every sync.
CREATE INDEX "attendees_user_id_idx" ON "attendees"("user_id") WHERE "user_id" IS NOT NULL;
CREATE INDEX "attendees_moderator_normalized_name_idx" ON "attendees"("normalized_name") WHERE "role" = 'MODERATOR';
CREATE INDEX "attendees_moderator_ext_user_id_idx" ON "attendees"("ext_user_id") WHERE "role" = 'MODERATOR' AND "ext_user_id" IS NOT NULL;
CREATE INDEX "attendees_moderator_match_status_idx" ON "attendees"("match_status") WHERE "role" = 'MODERATOR';
