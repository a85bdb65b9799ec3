#!/usr/bin/env node
// The kit ships TypeScript sources; tsx's loader lets the CLI run them without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
