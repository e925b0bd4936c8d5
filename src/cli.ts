#!/usr/bin/env node
// km-docs as a plain Node process (the `km-docs` bin). `npm start` runs the same
// commands from a V8 startup snapshot instead (src/snapshot.ts), which skips
// loading and warming the modules.
import { runCli } from './commands.js';

await runCli(process.argv.slice(2));
