-- An admin may pin an account's role: the directory (OIDC_ROLE_CLAIM) then no longer changes it.
ALTER TABLE "users" ADD COLUMN "role_pinned" BOOLEAN NOT NULL DEFAULT false;
