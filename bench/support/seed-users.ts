// Bulk seed of the bench's user accounts: one INSERT … SELECT FROM unnest(…) per batch (a few statements
// for 100,000 users), name keys computed by the application's own userNameKeys().
//
// The simulator draws attendee names from a small set (names.ts: every first name × every last name), so
// the seed decides per distinct name how many accounts carry it, to exercise every matching outcome:
//   - ~50% of the names: exactly one account  → moderators with that name match BY_NAME
//   - ~20% of the names: 2–3 accounts (namesakes) → AMBIGUOUS
//   - ~30% of the names: no account           → UNMATCHED
// Every account has external id `user-<n>`, n = 0..count-1, the shape of the simulator's join userIDs
// (`user-<0..999,999>`, given to 80% of attendees), so ~8% of moderators match BY_EXTERNAL_ID first.
// The rest of the 100,000 accounts get unique made-up names that match nobody, as most students would.
import type pg from "pg"

import { normalizeName, userNameKeys } from "@/lib/meetings/name-keys"
import { createRandom, personName } from "@/tools/bbb-simulator/names"

const BATCH = 25_000
const BULK_FIRST_NAMES = ["Camille", "Lucas", "Emma", "Hugo", "Inès", "Louis", "Manon", "Nathan", "Sarah", "Théo", "Zoé", "Adam", "Clément", "Jade", "Yanis"]
const SYLLABLES = ["ba", "be", "bi", "co", "da", "du", "fa", "ga", "lo", "ma", "mi", "na", "no", "pa", "ri", "ro", "sa", "ta", "vi", "zu"]

export type SeededUsers = {
  users: number
  /** Distinct simulator names (normalised) with exactly one, several, or no account. */
  namesWithOneAccount: number
  namesWithNamesakes: number
  namesWithoutAccount: number
}

type UserRow = { first: string; last: string; role: "TEACHER" | "STUDENT"; active: boolean }

/** Every distinct "First Last" the simulator can generate, split into first and last name. */
export function simulatorNameUniverse(): { first: string; last: string; key: string }[] {
  const random = createRandom(20_240_901)
  const byKey = new Map<string, { first: string; last: string; key: string }>()
  for (let i = 0; i < 50_000; i++) {
    const full = personName(random)
    // first names of names.ts hold no space; last names may ("García Márquez", "de la Fontaine")
    const space = full.indexOf(" ")
    const key = normalizeName(full)
    if (!byKey.has(key)) byKey.set(key, { first: full.slice(0, space), last: full.slice(space + 1), key })
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key))
}

function madeUpLastName(n: number): string {
  let word = ""
  for (let i = 0; i < 4; i++) {
    word += SYLLABLES[n % SYLLABLES.length]
    n = Math.floor(n / SYLLABLES.length)
  }
  return word.charAt(0).toUpperCase() + word.slice(1) + (n > 0 ? `-${n}` : "")
}

export async function seedUsers(client: pg.ClientBase, count: number): Promise<SeededUsers> {
  const random = createRandom(77)
  const rows: UserRow[] = []
  const stats: SeededUsers = { users: 0, namesWithOneAccount: 0, namesWithNamesakes: 0, namesWithoutAccount: 0 }
  for (const name of simulatorNameUniverse()) {
    const draw = random()
    const accounts = draw < 0.5 ? 1 : draw < 0.7 ? 2 + Math.floor(random() * 2) : 0
    if (accounts === 1) stats.namesWithOneAccount++
    else if (accounts > 1) stats.namesWithNamesakes++
    else stats.namesWithoutAccount++
    for (let i = 0; i < accounts; i++) rows.push({ first: name.first, last: name.last, role: "TEACHER", active: true })
  }
  for (let n = 0; rows.length < count; n++) {
    rows.push({
      first: BULK_FIRST_NAMES[n % BULK_FIRST_NAMES.length]!,
      last: madeUpLastName(n),
      role: random() < 0.1 ? "TEACHER" : "STUDENT",
      active: random() >= 0.01,
    })
  }
  rows.length = count

  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH)
    const index = batch.map((_, i) => start + i)
    const keys = batch.map((r) => userNameKeys(r.first, r.last))
    await client.query(
      `INSERT INTO users (email, username, first_name, last_name, name_key_first_last, name_key_last_first,
                          external_id, role, is_active, updated_at)
       SELECT 'u' || u.n || '@bench.example.org', 'u' || u.n, u.first, u.last, u.key_fl, u.key_lf,
              'user-' || u.n, u.role::"Role", u.active, now()
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[])
            AS u(n, first, last, key_fl, key_lf, role, active)`,
      [
        index,
        batch.map((r) => r.first),
        batch.map((r) => r.last),
        keys.map((k) => k.nameKeyFirstLast),
        keys.map((k) => k.nameKeyLastFirst),
        batch.map((r) => r.role),
        batch.map((r) => r.active),
      ],
    )
  }
  stats.users = rows.length
  return stats
}
