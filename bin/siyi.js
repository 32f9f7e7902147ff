#!/usr/bin/env node
// The `siyi` command. TypeScript sources run through tsx, so `npx siyi` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
