import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ScanResult } from '../src/record/result.js';
import { runMain } from './run-main.js';

// Issue 10 defect 6: a console CSV carries no generation time. The record keeps where the report's
// time comes from, and every output that shows the time says it is the file's time (or the
// report's newest date) instead of "credential report generated …".

const FIXTURES = fileURLToPath(new URL('./fixtures/cli-export/', import.meta.url));
const REPORT_CSV = readFileSync(join(FIXTURES, 'credential-report.csv'), 'utf8');
const REPORT_JSON = join(FIXTURES, 'v2', 'iam-get-credential-report.json');
const tmp = mkdtempSync(join(tmpdir(), 'lockdown-report-time-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function csvWithTime(name: string, time: Date): string {
  const path = join(tmp, name);
  writeFileSync(path, REPORT_CSV);
  utimesSync(path, time, time);
  return path;
}

const FILE_TIME = new Date('2026-11-20T10:00:00Z');
// Older than ci-deploy's key use on 2026-11-20T02:00:00Z, the newest date in the fixture.
const RESTORED_TIME = new Date('2024-01-01T00:00:00Z');

const scan = async (path: string, format: string, lang: 'en' | 'nl' = 'en') => {
  const run = await runMain(['scan', '--evidence', path, '--format', format, '--lang', lang], { PATH: process.env.PATH ?? '', HOME: tmp, AWS_EC2_METADATA_DISABLED: 'true' });
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return run.stdout;
};

describe('where the credential report time comes from, in every output that shows it', () => {
  const consoleCsv = csvWithTime('status_reports.csv', FILE_TIME);
  const restored = csvWithTime('restored.csv', RESTORED_TIME);

  it('JSON carries credentialReportTimeSource next to the time', async () => {
    const sources = [];
    for (const path of [consoleCsv, restored, REPORT_JSON]) {
      const account = (JSON.parse(await scan(path, 'json')) as ScanResult).accounts[0];
      sources.push([account?.credentialReportTimeSource, account?.credentialReportGeneratedAt]);
    }
    assert.deepEqual(sources, [
      ['fileModified', '2026-11-20T10:00:00.000Z'],
      ['newestEntry', '2026-11-20T02:00:00.000Z'],
      ['iam', '2026-11-20T09:58:31.000Z'],
    ]);
  });

  it('the table says file time or newest date for a console CSV, generated for IAM (en and nl)', async () => {
    const line = (out: string) => out.split('\n').find((l) => /^(Evidence|Bewijs):/.test(l)) ?? '';
    const fileEn = line(await scan(consoleCsv, 'table'));
    assert.match(fileEn, /credential report file last modified 2026-11-20 10:00 UTC \(a console CSV does not say when it was generated\)/);
    assert.doesNotMatch(fileEn, /generated 2026/);
    assert.match(line(await scan(consoleCsv, 'table', 'nl')), /credential report: bestand gewijzigd .*een console-CSV vermeldt niet wanneer het rapport is gemaakt/);
    assert.match(line(await scan(restored, 'table')), /credential report generated no earlier than 2026-11-20 02:00 UTC, its newest date \(the file time is older\)/);
    assert.match(line(await scan(restored, 'table', 'nl')), /credential report niet eerder gemaakt dan .*de jongste datum erin/);
    assert.match(line(await scan(REPORT_JSON, 'table')), /; credential report generated 2026-11-20 09:58 UTC$/);
  });

  it('Markdown and HTML say the same', async () => {
    assert.match(await scan(consoleCsv, 'markdown'), /Credential report file last modified [^;]+; a console CSV does not say when it was generated\./);
    assert.match(await scan(restored, 'markdown', 'nl'), /Credential report niet eerder gemaakt dan .*, de jongste datum erin/);
    assert.match(await scan(REPORT_JSON, 'markdown'), /Credential report generated /);
    const reportAge = (page: string) => /id="report-age">([^<]*)</.exec(page)?.[1] ?? '';
    assert.match(reportAge(await scan(consoleCsv, 'html')), /^file last modified .*a console CSV does not say when it was generated$/);
    assert.match(reportAge(await scan(restored, 'html', 'nl')), /^niet eerder gemaakt dan .*de bestandstijd is ouder/);
    assert.match(reportAge(await scan(REPORT_JSON, 'html')), /^generated /);
  });

  it('SARIF (run properties) and OCSF (unmapped, every event) carry the source next to the time', async () => {
    const sarif = async (path: string) => {
      const p = (JSON.parse(await scan(path, 'sarif')) as { runs: { properties: Record<string, unknown> }[] }).runs[0]?.properties;
      return [p?.credentialReportTimeSource, p?.credentialReportGeneratedAt];
    };
    assert.deepEqual(await sarif(consoleCsv), ['fileModified', '2026-11-20T10:00:00.000Z']);
    assert.deepEqual(await sarif(restored), ['newestEntry', '2026-11-20T02:00:00.000Z']);
    assert.deepEqual(await sarif(REPORT_JSON), ['iam', '2026-11-20T09:58:31.000Z']);
    const ocsf = async (path: string) => {
      const events = JSON.parse(await scan(path, 'ocsf')) as { unmapped: Record<string, unknown> }[];
      assert.ok(events.length > 0);
      return [...new Set(events.map((e) => `${String(e.unmapped.credential_report_time_source)} ${String(e.unmapped.credential_report_generated_at)}`))];
    };
    assert.deepEqual(await ocsf(consoleCsv), ['fileModified 2026-11-20T10:00:00.000Z']);
    assert.deepEqual(await ocsf(restored), ['newestEntry 2026-11-20T02:00:00.000Z']);
    assert.deepEqual(await ocsf(REPORT_JSON), ['iam 2026-11-20T09:58:31.000Z']);
  });
});
