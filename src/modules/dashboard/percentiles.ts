/**
 * Percentiles of durations in whole days, read from a histogram (days → how many complaints took that long).
 *
 * Definition (nearest rank, the same on SQLite and PostgreSQL because both only count): with the n durations
 * sorted ascending, the p-th percentile is the value at rank ⌈p/100 · n⌉ (1-based), i.e. the smallest duration d
 * such that at least p% of the durations are ≤ d. The median is the 50th percentile by this definition (for an
 * even n, the lower of the two middle values; no averaging, so the answer is always a duration that occurred).
 * Durations are whole calendar days in UTC from the day received to the day of the event.
 */
export function percentileFromHistogram(histogram: Array<{ days: number; complaints: number }>, p: number): number | null {
  const sorted = [...histogram].sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, bucket) => sum + bucket.complaints, 0);
  if (total === 0) return null;
  // p · n first, so that 90 · 10 / 100 is exactly 9 (0.9 · 10 is 9.000000000000002 in floating point).
  const rank = Math.max(1, Math.ceil((p * total) / 100));
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.complaints;
    if (seen >= rank) return bucket.days;
  }
  return sorted[sorted.length - 1].days;
}

/** Count, median, 90th percentile and mean of a days histogram. */
export function summariseDays(histogram: Array<{ days: number; complaints: number }>) {
  const count = histogram.reduce((sum, bucket) => sum + bucket.complaints, 0);
  const totalDays = histogram.reduce((sum, bucket) => sum + bucket.days * bucket.complaints, 0);
  return {
    count,
    median: percentileFromHistogram(histogram, 50),
    p90: percentileFromHistogram(histogram, 90),
    mean: count ? Math.round((totalDays / count) * 10) / 10 : null,
    histogram,
  };
}
