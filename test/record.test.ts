import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';
import { rootMfa } from '../src/checks/root-mfa.js';
import { evaluate } from '../src/engine/evaluate.js';
import { accountRecord, buildRecord, checkSet, type ScanRecord } from '../src/record/record.js';
import { render } from '../src/record/render.js';
import type { RenderedFinding } from '../src/record/result.js';
import { loadEvidence } from '../src/evidence/load.js';
import { DEMO_EVIDENCE } from '../src/cli/scan.js';
import { evidence } from './builders/evidence.js';

// The record is what the store keeps: it must survive JSON and render the same later, in any language.

const demo = loadEvidence(DEMO_EVIDENCE);
const record = buildRecord([{ account: accountRecord(demo), findings: evaluate(demo, CHECKS), mutelist: null }], {
  source: 'demo',
  startedAt: new Date('2026-11-20T10:00:00Z'),
  finishedAt: new Date('2026-11-20T10:00:01Z'),
  checks: CHECKS,
});
const stored = (r: ScanRecord): ScanRecord => JSON.parse(JSON.stringify(r)) as ScanRecord;

describe('scan record', () => {
  it('renders identically after a trip through JSON, in English and in Dutch', () => {
    for (const lang of ['en', 'nl'] as const) {
      assert.deepEqual(render(stored(record), lang), render(record, lang));
    }
    assert.notEqual(render(record, 'en').findings[0]?.message, render(record, 'nl').findings[0]?.message);
  });

  it('keeps no words: findings carry message ids and parameters only', () => {
    const text = JSON.stringify(record.findings);
    assert.doesNotMatch(text, /"(title|message|remediation)":/);
    const mfa = record.findings.find((f) => f.checkId === 'root-mfa');
    assert.equal(typeof mfa?.messageId, 'string');
    assert.equal(typeof mfa?.params, 'object');
  });

  it('names the tool version and fingerprints the check set by ids and versions', () => {
    assert.equal(record.tool.name, 'aws-lockdown');
    assert.match(record.checkSet.fingerprint, /^[0-9a-f]{16}$/);
    assert.equal(Object.keys(record.checkSet.checks).length, CHECKS.length);
    assert.deepEqual(record.checkSet.checks['root-mfa'], { version: 1, key: 'root-mfa' });
    assert.equal(checkSet([...CHECKS].reverse()).fingerprint, record.checkSet.fingerprint, 'order does not matter');
    const bumped = CHECKS.map((c) => (c.id === 'root-mfa' ? { ...c, version: 2 } : c));
    assert.notEqual(checkSet(bumped).fingerprint, record.checkSet.fingerprint, 'a new check version is a new check set');
    assert.notEqual(checkSet(CHECKS.slice(1)).fingerprint, record.checkSet.fingerprint, 'a missing check is a new check set');
  });

  it('renders a finding of a check this version no longer has, and says so', () => {
    const old = stored(record);
    const mfa = old.findings.find((f) => f.checkId === 'root-mfa');
    assert.ok(mfa);
    mfa.checkId = 'root-retired-check';
    for (const lang of ['en', 'nl'] as const) {
      const result = render(old, lang);
      const finding = result.findings.find((f) => f.id === mfa.id) as RenderedFinding | undefined;
      assert.equal(finding?.status, mfa.status);
      assert.match(finding?.title ?? '', /root-retired-check/);
      assert.match(finding?.message ?? '', lang === 'en' ? /no longer has check root-retired-check/ : /heeft check root-retired-check niet meer/);
      assert.equal(finding?.remediation, null);
      assert.match(result.checks['root-retired-check']?.title ?? '', /root-retired-check/);
    }
  });

  it('renders a finding whose message this version no longer has, and says so', () => {
    const old = stored(record);
    const mfa = old.findings.find((f) => f.checkId === 'root-mfa');
    assert.ok(mfa);
    mfa.messageId = 'retiredMessage';
    const finding = render(old, 'en').findings.find((f) => f.id === mfa.id);
    assert.match(finding?.message ?? '', /no text for message retiredMessage of check root-mfa/);
    assert.equal(finding?.title, rootMfa.text.en.title);
  });

  it('lists only the asked statuses but counts everything', () => {
    const all = render(record, 'en');
    const failOnly = render(record, 'en', { statusFilter: ['FAIL'] });
    assert.ok(failOnly.findings.every((f) => f.status === 'FAIL'));
    assert.deepEqual(failOnly.summary, all.summary);
    assert.deepEqual(failOnly.scan.statusFilter, ['FAIL']);
  });

  it('gives every account of a multi-account record its own console and evidence', () => {
    const gov = evidence({ partition: 'aws-us-gov' });
    const two = buildRecord(
      [
        { account: accountRecord(demo), findings: evaluate(demo, [rootMfa]), mutelist: null },
        { account: accountRecord(gov), findings: evaluate(gov, [rootMfa]), mutelist: null },
      ],
      { source: 'evidence', startedAt: new Date(), checks: [rootMfa] },
    );
    const result = render(two, 'en');
    assert.deepEqual(result.accounts.map((a) => a.consoleUrl), ['https://console.aws.amazon.com', 'https://console.amazonaws-us-gov.com']);
    assert.equal(result.findings.length, 2);
  });
});
