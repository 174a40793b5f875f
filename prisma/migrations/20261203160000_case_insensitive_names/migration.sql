-- Usernames, e-mails and building names are unique whatever their case: `ADMIN` and `admin` are one
-- account, `Campus` and `campus` one building (issue 30). schema.prisma cannot express an index on an
-- expression, so these unique indexes on lower(...) are written here by hand (listed in
-- prisma/schema-matches-migrations.integration.test.ts); lib/users and lib/broadcasters look names up
-- case-insensitively.
--
-- Existing rows that differ only by case are NOT merged (which account keeps the sessions, the lives,
-- the videos is a human decision): the migration stops and names them. Rename or deactivate-and-rename
-- all but one of each group (Administration → Users / Buildings), then run the migration again.
DO $$
DECLARE
  duplicates text;
BEGIN
  SELECT string_agg(format('%s « %s » (ids %s)', kind, names, ids), '; ' ORDER BY kind, names)
    INTO duplicates
    FROM (
      SELECT 'username' AS kind, string_agg(username, ' / ' ORDER BY id) AS names, string_agg(id::text, ', ' ORDER BY id) AS ids
        FROM users GROUP BY lower(username) HAVING count(*) > 1
      UNION ALL
      SELECT 'e-mail', string_agg(email, ' / ' ORDER BY id), string_agg(id::text, ', ' ORDER BY id)
        FROM users GROUP BY lower(email) HAVING count(*) > 1
      UNION ALL
      SELECT 'building', string_agg(name, ' / ' ORDER BY id), string_agg(id::text, ', ' ORDER BY id)
        FROM buildings GROUP BY lower(name) HAVING count(*) > 1
    ) AS groups;
  IF duplicates IS NOT NULL THEN
    RAISE EXCEPTION 'Names that differ only by case must be made unique before this migration: %', duplicates
      USING HINT = 'Rename all but one of each group (Administration > Users / Buildings), then run the migration again. Nothing was changed.';
  END IF;
END $$;

CREATE UNIQUE INDEX "users_username_lower_key" ON "users" (lower("username"));
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" (lower("email"));
CREATE UNIQUE INDEX "buildings_name_lower_key" ON "buildings" (lower("name"));
