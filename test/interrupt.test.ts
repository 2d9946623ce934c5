import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { largeAccountJson } from './builders/large-account.js';

// Issue 11 item 12: SIGINT or SIGTERM while a scan writes its files removes the temporary files,
// leaves the previous reports as they were, and exits 130 / 143 as a shell expects. The built CLI
// runs in its own process (signals need one). The window is made deterministic by the test hook
// LOCKDOWN_TEST_PAUSE_BEFORE_COMMIT_MS (src/cli/scan.ts): every temporary file is written, then the
// process waits before renaming any; the signal arrives inside that wait. A signal between two
// renames (some targets replaced, others not yet) is made deterministic the same way by
// LOCKDOWN_TEST_PAUSE_BETWEEN_RENAMES_MS: the replaced ones must be put back.

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin', 'lockdown.js');
const tmp = mkdtempSync(join(tmpdir(), 'lockdown-interrupt-'));
const evidence = join(tmp, 'large.evidence.json');
after(() => rmSync(tmp, { recursive: true, force: true }));

before(() => {
  assert.ok(existsSync(join(REPO, 'dist', 'cli', 'main.js')), 'dist/ is missing: run `npm run build` first');
  // The 5,000-user account: reports of several MB, so the writes take measurable time.
  writeFileSync(evidence, JSON.stringify(largeAccountJson(5000)));
});

async function interrupted(signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; stderr: string; dir: string }> {
  const dir = join(tmp, signal);
  mkdirSync(dir);
  for (const name of ['aws-lockdown.json', 'aws-lockdown.html']) writeFileSync(join(dir, name), `previous ${name}`);
  const child = spawn(process.execPath, [BIN, 'scan', '--evidence', evidence, '--format', 'json,html', '--output-dir', dir, '--save-evidence', join(dir, 'saved.json')], {
    env: { PATH: process.env.PATH ?? '', HOME: tmp, LOCKDOWN_TEST_PAUSE_BEFORE_COMMIT_MS: '60000' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Three temporary files (evidence, JSON, HTML) mean every file has been staged.
  const deadline = Date.now() + 120_000;
  while (readdirSync(dir).filter((f) => f.endsWith('.tmp')).length < 3) {
    assert.ok(Date.now() < deadline, `no temporary files appeared; stderr: ${stderr}`);
    assert.equal(child.exitCode, null, `the scan ended before it was interrupted: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill(signal);
  return { code: await exited, stderr, dir };
}

describe('an interrupted write', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal}: removes the temporary files, keeps the previous reports, exits ${code}`, async () => {
      const run = await interrupted(signal);
      assert.equal(run.code, code, run.stderr);
      assert.equal(run.stderr, `lockdown: interrupted (${signal}): the unfinished files were removed, the previous ones left as they were\n`);
      assert.deepEqual(readdirSync(run.dir).sort(), ['aws-lockdown.html', 'aws-lockdown.json']);
      assert.equal(readFileSync(join(run.dir, 'aws-lockdown.json'), 'utf8'), 'previous aws-lockdown.json');
      assert.equal(readFileSync(join(run.dir, 'aws-lockdown.html'), 'utf8'), 'previous aws-lockdown.html');
    });
  }
});

describe('a signal between two renames', () => {
  it('SIGINT after the first target was replaced: every previous file is back, nothing else is left', async () => {
    const dir = join(tmp, 'between-renames');
    mkdirSync(dir);
    const previous = ['saved.json', 'aws-lockdown.json', 'aws-lockdown.html'];
    for (const name of previous) writeFileSync(join(dir, name), `previous ${name}`);
    const child = spawn(process.execPath, [BIN, 'scan', '--evidence', evidence, '--format', 'json,html', '--output-dir', dir, '--save-evidence', join(dir, 'saved.json')], {
      env: { PATH: process.env.PATH ?? '', HOME: tmp, LOCKDOWN_TEST_PAUSE_BETWEEN_RENAMES_MS: '60000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Every target is kept under a backup name before the first rename; two temporary files left
    // beside three backups means the first rename (the saved evidence) is done and the second waits.
    const count = (suffix: string) => readdirSync(dir).filter((f) => f.endsWith(suffix)).length;
    const deadline = Date.now() + 120_000;
    while (!(count('.bak') === 3 && count('.tmp') === 2)) {
      assert.ok(Date.now() < deadline, `the commit never paused after its first rename; stderr: ${stderr}`);
      assert.equal(child.exitCode, null, `the scan ended before it was interrupted: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.notEqual(readFileSync(join(dir, 'saved.json'), 'utf8'), 'previous saved.json', 'the first target was replaced');
    assert.equal(readFileSync(join(dir, 'aws-lockdown.json'), 'utf8'), 'previous aws-lockdown.json', 'the second was not yet');
    child.kill('SIGINT');
    assert.equal(await exited, 130, stderr);
    assert.equal(stderr, 'lockdown: interrupted (SIGINT): the unfinished files were removed, the previous ones left as they were\n');
    assert.deepEqual(readdirSync(dir).sort(), [...previous].sort());
    for (const name of previous) assert.equal(readFileSync(join(dir, name), 'utf8'), `previous ${name}`);
  });
});
