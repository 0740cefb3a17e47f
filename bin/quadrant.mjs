#!/usr/bin/env node
// Entry point for `npx quadrant` and `npm run quadrant`: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

process.env.TZ ??= 'UTC';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
