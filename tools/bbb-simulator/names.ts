// Deterministic people and room names for generated load: accents, non-Latin scripts, apostrophes, "&" and "<"
// on purpose, so that every consumer of the simulator exercises XML escaping and UTF-8 handling.

const FIRST_NAMES = [
  "Jean", "Jeanne", "Jean-Éric", "Zoë", "Chloé", "Léa", "Noël", "Ana", "João", "Søren", "Björn", "Ærin",
  "Ñuño", "Élodie", "François", "Ícaro", "Łucja", "Şule", "Олег", "Мария", "李", "王芳", "محمد", "فاطمة",
  "Γιώργος", "Ελένη", "דוד", "さくら", "민준", "Ngọc", "Paul", "Marie", "O'Neil", "D'Artagnan",
]
const LAST_NAMES = [
  "Dupont", "Martin", "Bernard", "Petit", "Durand", "Lefèvre", "Müller", "García Márquez", "O'Brien",
  "Ørsted", "Nuñez", "Ибрагимов", "Петрова", "小龙", "伟", "علي", "الزهراء", "Παπαδόπουλος", "Κωνσταντίνου",
  "כהן", "山田", "김", "Nguyễn", "de la Fontaine", "Smith & Sons", "<Admin>", "\"Quoted\"", "Saint-Exupéry",
]
const COURSES = [
  "Algèbre linéaire", "Physique & Chimie", "Histoire-Géo", "Anglais <B2>", "Économie \"avancée\"", "Droit d'auteur",
  "Informatique", "Биология", "数学", "الكيمياء", "Φιλοσοφία", "Musique", "Statistiques", "Réunion d'équipe",
]

export type Random = () => number

/** mulberry32: tiny seeded PRNG, plenty for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}

export function personName(random: Random): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`
}

export function roomName(random: Random, index: number): string {
  return `${pick(random, COURSES)} — groupe ${index}`
}

/** Lowercase alphanumerics, as BBB's generated ids use. */
export function randomToken(random: Random, length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
  let out = ""
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)]
  return out
}
