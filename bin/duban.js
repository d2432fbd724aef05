#!/usr/bin/env node
// The `duban` command. It runs the TypeScript sources directly through tsx (a runtime dependency), so it works
// right after `npm ci` with no build step to remember, and always runs the code that is checked out.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
