import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { runMain, type Run } from '../run-main.js';

/**
 * The CLI on bad input, in this process: a scratch folder removed after the file's tests, a fresh
 * folder per case, and `lockdown(args)` with an environment that reaches no AWS.
 */
export function cliScratch(prefix: string): { dirFor: () => string; lockdown: (args: string[]) => Promise<Run> } {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  let counter = 0;
  return {
    dirFor: () => mkdtempSync(join(tmp, `${counter++}-`)),
    lockdown: (args) => runMain(args, { PATH: process.env.PATH ?? '', HOME: tmp, AWS_EC2_METADATA_DISABLED: 'true' }),
  };
}

/** Bad input: exit 2, nothing on stdout, one line on stderr naming each fragment, no stack or JavaScript words. */
export function refused(run: Run, ...fragments: string[]): void {
  assert.equal(run.code, 2, `exit code 2, got ${run.code}: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^lockdown: [^\n]+\n$/, `one line: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /\bat .*\.(ts|js):\d+|Unexpected token|SyntaxError|JSON\.parse/, 'no stack trace, no JavaScript words');
  for (const f of fragments) assert.ok(run.stderr.includes(f), `${JSON.stringify(run.stderr)} should name ${JSON.stringify(f)}`);
}
