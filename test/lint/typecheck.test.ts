import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { repositoryRoot } from '../support/process';

const tsc = path.join(repositoryRoot, 'node_modules/typescript/bin/tsc');

// The type check (`npm run typecheck`) is part of the tests, so that CI refuses what does not compile: the server,
// tests and benchmarks (tsconfig.json), and the web app (web/tsconfig.json), strict and without unused locals.
for (const project of ['tsconfig.json', 'web/tsconfig.json']) {
  it(`type-checks ${project} without an error`, async () => {
    const result = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: repositoryRoot, maxBuffer: 16 * 1024 * 1024 }).then(
      () => '',
      (failure: { stdout?: string }) => failure.stdout ?? String(failure),
    );
    expect(result).toBe('');
  });
}
