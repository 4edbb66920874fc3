#!/usr/bin/env node
// The `resilience` command. It runs the TypeScript sources directly through tsx, so a fresh clone
// needs no build step; the CLI itself lives in cli.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
