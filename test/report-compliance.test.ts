import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { ScanResult } from '../src/engine/result.js';
import { complianceView, frameworkById } from '../src/report/compliance.js';
import { evidenceJson, failed } from './builders/evidence.js';
import { runMain } from './run-main.js';

// A framework requirement is NOT_RUN when --checks left out every check behind it (never PASS),
// and ERROR when its check could not read its evidence: in the verdicts themselves and in each
// view that shows them (the --compliance table, the requirements CSV, the Markdown summary).
// The account is hardened except that GetAccountPasswordPolicy is denied, and the scan runs two
// checks: root-mfa (CIS 5.0.0 1.4, with org-centralized-root-access) and
// password-policy-min-length (1.7, ERROR). password-policy-reuse-prevention (1.8) does not run.

const FRAMEWORK = 'cis-aws-v5.0.0';
const CHECKS = ['root-mfa', 'password-policy-min-length'];
const dir = mkdtempSync(join(tmpdir(), 'lockdown-compliance-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const evidenceFile = join(dir, 'denied-policy.evidence.json');

const framework = frameworkById(FRAMEWORK);
/** Requirements none of whose checks is among CHECKS. */
const notRun = framework?.requirements.filter((r) => !r.checks.some((id) => CHECKS.includes(id))).map((r) => r.id) ?? [];

async function scan(format: string, lang: 'en' | 'nl'): Promise<string> {
  const run = await runMain(['scan', '--evidence', evidenceFile, '--checks', CHECKS.join(','), '--compliance', FRAMEWORK, '--format', format, '--lang', lang], {});
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  return run.stdout;
}

before(() => {
  writeFileSync(evidenceFile, JSON.stringify(evidenceJson({ parts: { passwordPolicy: failed('AccessDenied', 'iam:GetAccountPasswordPolicy') } })));
});

describe('compliance verdicts NOT_RUN and ERROR', () => {
  it('the scenario has requirements of both kinds', () => {
    assert.ok(framework);
    assert.deepEqual(framework.requirements.find((r) => r.id === '1.7')?.checks, ['password-policy-min-length']);
    assert.deepEqual(framework.requirements.find((r) => r.id === '1.8')?.checks, ['password-policy-reuse-prevention']);
    assert.ok(notRun.includes('1.8') && !notRun.includes('1.7') && notRun.length > 10, notRun.join(' '));
  });

  it('complianceView: 1.7 is ERROR with its one ERROR counted, every requirement whose checks did not run is NOT_RUN', async () => {
    const result = JSON.parse(await scan('json', 'en')) as ScanResult;
    const view = complianceView(result, framework as NonNullable<typeof framework>);
    const r17 = view.requirements.find((r) => r.id === '1.7');
    assert.equal(r17?.verdict, 'ERROR');
    assert.deepEqual(r17?.counts, { FAIL: 0, ERROR: 1, MANUAL: 0, PASS: 0, NOT_APPLICABLE: 0 });
    assert.deepEqual(view.requirements.filter((r) => r.verdict === 'NOT_RUN').map((r) => r.id), notRun);
    for (const r of view.requirements.filter((x) => x.verdict === 'NOT_RUN')) assert.ok(Object.values(r.counts).every((n) => n === 0), r.id);
    assert.equal(view.totals.ERROR, 1);
    assert.equal(view.totals.NOT_RUN, notRun.length);
    assert.equal(view.totals.FAIL, 0);
  });

  it('the table names the verdicts in each language, row by row and in the totals', async () => {
    const en = await scan('table', 'en');
    assert.match(en, /│ 1\.7 +│ ERROR +│ 1 ERROR +│/);
    assert.match(en, /│ 1\.8 +│ not run +│ · +│/);
    assert.match(en, new RegExp(`^1 PASS · 1 ERROR · ${notRun.length} not run$`, 'm'));
    const nl = await scan('table', 'nl');
    assert.match(nl, /│ 1\.7 +│ NIET BEOORDEELD +│ 1 NIET BEOORDEELD/);
    assert.match(nl, /│ 1\.8 +│ niet uitgevoerd +│ · +│/);
    assert.match(nl, new RegExp(`^1 VOLDOET · 1 NIET BEOORDEELD · ${notRun.length} niet uitgevoerd$`, 'm'));
  });

  it('the requirements CSV gives each requirement its verdict and counts', async () => {
    for (const [lang, error, notRunLabel] of [
      ['en', 'ERROR', 'not run'],
      ['nl', 'NIET BEOORDEELD', 'niet uitgevoerd'],
    ] as const) {
      const rows = parse(await scan('csv', lang), { record_delimiter: '\r\n' }) as string[][];
      // framework, requirement, title, assessment, verdict, one count per status, muted, checks
      const header = rows[0] ?? [];
      const byId = new Map(rows.slice(1).map((row) => [row[1], row]));
      assert.equal(byId.size, framework?.requirements.length, lang);
      assert.equal(byId.get('1.7')?.[4], error, lang);
      assert.equal(byId.get('1.7')?.[header.indexOf(error)], '1', `${lang}: the ERROR count of 1.7`);
      for (const id of notRun) {
        const row = byId.get(id) as string[];
        assert.equal(row[4], notRunLabel, `${lang} ${id}`);
        assert.deepEqual(row.slice(5, 10), ['0', '0', '0', '0', '0'], `${lang} ${id}: no finding counted`);
      }
      assert.deepEqual(
        rows.slice(1).filter((row) => row[4] === notRunLabel).map((row) => row[1]),
        notRun,
        lang,
      );
    }
  });

  it('the Markdown summary lists the ERROR requirement and counts the ones not run', async () => {
    const en = await scan('markdown', 'en');
    assert.match(en, /^\| 1\.7 \| ERROR \| Ensure IAM password policy requires minimum length/m);
    assert.match(en, new RegExp(`^### CIS Amazon Web Services Foundations Benchmark 5\\.0\\.0: 1 PASS · 1 ERROR · ${notRun.length} not run$`, 'm'));
    assert.doesNotMatch(en, /^\| 1\.8 \|/m, 'only requirements that need attention get a row');
    const nl = await scan('markdown', 'nl');
    assert.match(nl, /^\| 1\.7 \| NIET BEOORDEELD \|/m);
    assert.match(nl, new RegExp(`: 1 VOLDOET · 1 NIET BEOORDEELD · ${notRun.length} niet uitgevoerd$`, 'm'));
  });
});
