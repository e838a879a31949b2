#!/usr/bin/env node
// The `lintas` command. Lintas runs its TypeScript sources through tsx (see docs/ARCHITECTURE.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
