/** Now as stored: UTC ISO 8601 with milliseconds. */
export const nowIso = (): string => new Date().toISOString();

/** Adds whole days to an ISO time. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}
