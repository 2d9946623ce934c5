import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rootMfa } from '../src/checks/root-mfa.js';
import { mutelistSchema } from '../src/config/mutelist.js';
import { defineCheck } from '../src/engine/check.js';
import { evaluate } from '../src/engine/evaluate.js';
import { applyMutelist } from '../src/engine/mutelist.js';
import { accountRecord, buildRecord } from '../src/record/record.js';
import { render } from '../src/record/render.js';
import { evidence } from './builders/evidence.js';

// STYLE.md habit 4: ids are permanent. A check renamed in a later version (old id kept as an
// alias) must keep every finding id, its framework mappings and the mutelist rules written for it.

const renamed = defineCheck({ ...rootMfa, id: 'root-user-mfa-enabled', aliases: ['root-mfa'], releasedAs: 'root-mfa' });

describe('a renamed check', () => {
  const before = evaluate(evidence({ root: { mfa: false }, summary: { AccountMFAEnabled: 0 } }), [rootMfa]);
  const after = evaluate(evidence({ root: { mfa: false }, summary: { AccountMFAEnabled: 0 } }), [renamed]);

  it('keeps every finding id', () => {
    assert.equal(after.length, before.length);
    assert.deepEqual(after.map((f) => f.id), before.map((f) => f.id));
    assert.deepEqual(after.map((f) => f.checkId), ['root-user-mfa-enabled']);
  });

  it('keeps its framework mappings, which still name the old id', () => {
    assert.deepEqual(after[0]?.compliance, before[0]?.compliance);
    assert.deepEqual(after[0]?.compliance['cis-aws-v5.0.0'], ['1.4']);
  });

  it('is still muted by a rule written for the old id', () => {
    const rules = mutelistSchema(new Set(['root-mfa', 'root-user-mfa-enabled'])).parse({ rules: [{ checks: ['root-mfa'], reason: 'break-glass account' }] });
    applyMutelist(after, { ...rules, file: 'mutelist.yaml' }, new Date(), new Map([['root-user-mfa-enabled', ['root-mfa']]]));
    assert.equal(after[0]?.muted, true);
  });

  it('renders a record stored under the old id with the renamed check\'s words', () => {
    const ev = evidence();
    const old = buildRecord([{ account: accountRecord(ev), findings: evaluate(ev, [rootMfa]), mutelist: null }], { source: 'evidence', startedAt: new Date(), checks: [rootMfa] });
    const finding = render(old, 'en', { checks: [renamed] }).findings[0];
    assert.equal(finding?.title, rootMfa.text.en.title);
    assert.doesNotMatch(finding?.message ?? '', /no longer/);
  });

  it('a check that was never renamed hashes its own id', () => {
    const fresh = defineCheck({ ...rootMfa, id: 'root-user-mfa-enabled' });
    assert.notDeepEqual(evaluate(evidence(), [fresh]).map((f) => f.id), evaluate(evidence(), [rootMfa]).map((f) => f.id));
  });
});
