import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ScanResult } from '../src/record/result.js';
import { cliScratch, refused } from './builders/cli-refused.js';

// The CLI on bad evidence inputs (issues 10 and 11): exit 2 with one line naming the file, never
// an internal error, a hang or a verdict on half the evidence. Kept out of the one-process run:
// it spawns mkfifo.

const V2 = fileURLToPath(new URL('./fixtures/cli-export/v2/', import.meta.url));
const REPORT_CSV = readFileSync(fileURLToPath(new URL('./fixtures/cli-export/credential-report.csv', import.meta.url)), 'utf8');
const { dirFor, lockdown } = cliScratch('lockdown-inputs-cli-');

describe('lockdown scan --evidence on bad inputs', () => {
  it('a credential report with a user on two rows: exit 2 naming the file, the user and both lines', async () => {
    const lines = REPORT_CSV.trim().split('\n');
    const path = join(dirFor(), 'status_reports.csv');
    writeFileSync(path, [...lines, lines[2]].join('\n'));
    refused(await lockdown(['scan', '--evidence', path, '--format', 'json']), path, 'user alice is listed twice (line 3 and line 5)');
  });

  it('a FIFO is refused at once instead of waiting for a writer', async () => {
    const fifo = join(dirFor(), 'evidence.json');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    refused(await lockdown(['scan', '--evidence', fifo]), fifo, 'is a named pipe (FIFO)');
    assert.ok(Date.now() - started < 5_000);
  });

  it('a FIFO inside an export folder is refused too', async () => {
    const dir = join(dirFor(), 'export');
    cpSync(V2, dir, { recursive: true });
    rmSync(join(dir, 'iam-get-account-summary.json'));
    execFileSync('mkfifo', [join(dir, 'iam-get-account-summary.json')]);
    refused(await lockdown(['scan', '--evidence', dir]), join(dir, 'iam-get-account-summary.json'), 'is a named pipe (FIFO)');
  });

  it('a truncated authorization-details export gives ERROR for policy-full-admin, not the PASS its first page would give', async () => {
    const dir = join(dirFor(), 'export');
    cpSync(V2, dir, { recursive: true });
    const details = JSON.parse(readFileSync(join(V2, 'iam-get-account-authorization-details.json'), 'utf8')) as { Policies: { PolicyName: string }[] };
    // Page one (--max-items 1) holds only ci-deploy-policy; AdministratorAccess is on page two.
    const firstPage = { ...details, Policies: details.Policies.filter((p) => p.PolicyName === 'ci-deploy-policy'), GroupDetailList: [], NextToken: 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==' };
    writeFileSync(join(dir, 'iam-get-account-authorization-details.json'), JSON.stringify(firstPage, null, 4));
    const run = await lockdown(['scan', '--evidence', dir, '--format', 'json', '--checks', 'policy-full-admin', '--fail-on', 'info']);
    assert.equal(run.code, 1, run.stderr);
    const result = JSON.parse(run.stdout) as ScanResult;
    assert.deepEqual(result.findings.map((f) => f.status), ['ERROR']);
    assert.match(JSON.stringify(result.findings[0]), /TruncatedExport/);
  });
});
