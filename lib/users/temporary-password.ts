// Temporary passwords an admin hands over (new account, reset): 16 characters from an alphabet
// without look-alikes (no 0/O, 1/l/I), about 80 bits from the system's CSPRNG.
import { randomInt } from "node:crypto"

const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/** e.g. "k7Wm-pQ3x-Hd9s-Ta4e": groups of four, easy to read out and type. */
export function temporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-")
}
