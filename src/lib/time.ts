/** Now as stored: UTC ISO 8601 with milliseconds. */
export const nowIso = (): string => new Date().toISOString();

/** Adds whole days to an ISO time. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

/** Whole calendar days (UTC) from the date of one ISO time to the date of another (`daysBetweenSql` in the database). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
}
