import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

/** A new random identifier for any row. */
export const newId = (): string => randomUUID();

/** A random secret token for sessions and API clients (256 bits, URL-safe). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** SHA-256 in hex, used to store tokens so a stolen database does not give working sessions. */
export const sha256Hex = (value: string | Buffer): string => createHash('sha256').update(value).digest('hex');

// Crockford's base 32 without I, L, O, U: easy to read aloud over a phone and to type on a keypad.
const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A complaint reference a worker can read out, such as `KH-26-7F3K-9QX2`: country, year, 8 random characters. */
export function newComplaintReference(country: string, receivedAt: Date, draw: (below: number) => number = randomInt): string {
  let random = '';
  for (let i = 0; i < 8; i += 1) random += referenceAlphabet[draw(referenceAlphabet.length)];
  const year = String(receivedAt.getUTCFullYear() % 100).padStart(2, '0');
  return `${country}-${year}-${random.slice(0, 4)}-${random.slice(4)}`;
}

/** A six-digit PIN for following a complaint. */
export const newPin = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
