import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadEvidence } from '../src/evidence/load.js';
import type { ScanResult } from '../src/record/result.js';
import { runMain } from './run-main.js';

// The demo account (scripts/make-demo.ts) reads like a real credential report: root's row says
// not_supported where AWS writes it, and nothing is done to a user before the user existed
// (issue 10: judith.vos's password was once "set" years before she was created).

const DEMO = fileURLToPath(new URL('../demo/insecure-account.evidence.json', import.meta.url));
const DAY = 86_400_000;

describe('the demo evidence is shaped like a real account', () => {
  const evidence = loadEvidence(DEMO);
  const report = evidence.parts.credentialReport;
  assert.ok(report.ok);
  const rows = report.data.rows;

  it("root's password_last_changed and password_next_rotation are not_supported, as AWS writes them", () => {
    const root = rows.find((r) => r.user === '<root_account>');
    assert.equal(root?.passwordEnabled, 'not_supported');
    assert.equal(root?.passwordLastChanged, 'not_supported');
    assert.equal(root?.passwordNextRotation, 'not_supported');
  });

  it('no password or key is set or used before its user was created', () => {
    for (const row of rows) {
      const created = row.userCreationTime;
      assert.ok(created instanceof Date, row.user);
      const times = [row.passwordLastChanged, row.passwordLastUsed, ...row.accessKeys.flatMap((k) => [k.lastRotated, k.lastUsed]), ...row.certificates.map((c) => c.lastRotated)];
      for (const t of times) if (t instanceof Date) assert.ok(t >= created, `${row.user}: ${t.toISOString()} is before the user was created (${created.toISOString()})`);
    }
  });

  it("judith.vos's never-used password states its true age, counted from when it was set", async () => {
    const judith = rows.find((r) => r.user === 'judith.vos');
    assert.equal(judith?.passwordLastUsed, 'no_information');
    assert.ok(judith?.passwordLastChanged instanceof Date);
    const days = Math.floor((evidence.collectedAt.getTime() - judith.passwordLastChanged.getTime()) / DAY);
    const run = await runMain(['scan', '--demo', '--format', 'json', '--checks', 'user-unused-credentials'], { PATH: process.env.PATH ?? '' });
    const finding = (JSON.parse(run.stdout) as ScanResult).findings.find((f) => f.resource.name === 'judith.vos');
    assert.equal(finding?.status, 'FAIL');
    assert.ok(finding.message.includes(`never used, set ${days} days ago`), finding.message);
  });
});
