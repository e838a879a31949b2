import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The six-digit PIN that, with the reference, lets a worker follow a complaint. It is derived from the node's
 * key, the complaint id and a version number instead of being stored, so a retried intake gets the same PIN
 * back, and a new PIN can be issued by raising the version.
 */
export function complaintPin(pinKey: Buffer, complaintId: string, version: number): string {
  const digest = createHmac('sha256', pinKey).update(`complaint-pin:${complaintId}:${version}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** Compares a PIN typed by a worker with the complaint's, in constant time. */
export function pinMatches(pinKey: Buffer, complaintId: string, version: number, typed: string): boolean {
  const expected = Buffer.from(complaintPin(pinKey, complaintId, version));
  const given = Buffer.from(typed.replace(/\s/g, '').padEnd(6, ' ').slice(0, 6));
  return timingSafeEqual(expected, given);
}
