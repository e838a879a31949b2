import { expect, it } from 'vitest';
import { runLintas } from './support/process';

// The benchmark is run by people, not by CI; this only keeps it from rotting. Its figures mean nothing at this size.
it('runs the benchmark end to end in quick mode and prints every figure with its baseline', async () => {
  const result = await runLintas(['bench', '--quick', '--intake-seconds', '1'], {});
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/HTTP API, logged-in user, 16 connections on loopback : \d+ complaints\/s/);
  expect(result.stdout).toMatch(/repository layer, no HTTP \(baseline\)\s+: \d+ complaints\/s/);
  expect(result.stdout).toMatch(/ratio HTTP \/ repository\s+: \d+\.\d\d/);
  expect(result.stdout).toMatch(/10,000 checks\s+: \d+ ms/);
  expect(result.stdout).toMatch(/all queries over HTTP\s+: p50 [\d.]+ ms, p95 [\d.]+ ms/);
  expect(result.stdout).not.toContain('warning');
}, 180_000);
