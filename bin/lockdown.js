#!/usr/bin/env node
// The SDK warns on every run that releases after January 2027 need Node 22; the pinned versions work on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// One bundle (scripts/build-cli.ts): start-up reads a few files instead of resolving every module.
const { main } = await import('../dist/bundle/lockdown.js');

// `lockdown scan … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
