import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKS, CHECKS_BY_ID } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import { buildResult } from '../src/engine/result.js';
import { complianceView, frameworkById } from '../src/report/compliance.js';
import { REPORTERS } from '../src/report/index.js';
import { evidence } from './builders/evidence.js';

// A framework's verdict follows that framework's rule where it differs from our check: Security
// Hub's IAM.1 evaluates every customer-managed policy, attached or not; CIS v5.0.0 1.15 only attached ones.

const adminEverything = { statements: [{ effect: 'Allow' as const, actions: ['*'], resources: ['*'] }] };

function viewOf(frameworkId: string, requirementId: string, policies: Parameters<typeof evidence>[0]) {
  const ev = evidence(policies);
  const result = buildResult(ev, evaluate(ev, CHECKS), { lang: 'en', source: 'evidence', startedAt: new Date(), checks: CHECKS_BY_ID });
  const framework = frameworkById(frameworkId);
  assert.ok(framework);
  return { result, requirement: complianceView(result, framework).requirements.find((r) => r.id === requirementId) };
}

describe('framework rules that differ from our check', () => {
  it('an unattached customer *:* policy: our check passes it with a note, Security Hub IAM.1 fails, CIS 1.15 passes', () => {
    const only = { policies: [{ name: 'LegacyAdmin', document: adminEverything, attachmentCount: 0 }] };
    const hub = viewOf('aws-securityhub', 'IAM.1', only);
    const finding = hub.result.findings.find((f) => f.checkId === 'policy-full-admin' && f.resource.name === 'LegacyAdmin');
    assert.deepEqual([finding?.status, finding?.messageId], ['PASS', 'unattached']);
    assert.equal(hub.requirement?.verdict, 'FAIL');
    assert.equal(hub.requirement?.counts.FAIL, 1);
    assert.equal(viewOf('cis-aws-v5.0.0', '1.15', only).requirement?.verdict, 'PASS');
    const table = REPORTERS.table.render(hub.result, { color: false, compliance: 'aws-securityhub', region: 'us-east-1' });
    assert.match(table, /IAM\.1\b.*FAIL/);
  });

  it('with no admin policy at all, IAM.1 passes', () => {
    assert.equal(viewOf('aws-securityhub', 'IAM.1', {}).requirement?.verdict, 'PASS');
  });

  it('a muted unattached policy does not fail IAM.1', () => {
    const ev = evidence({ policies: [{ name: 'LegacyAdmin', document: adminEverything, attachmentCount: 0 }] });
    const findings = evaluate(ev, CHECKS);
    for (const f of findings) if (f.checkId === 'policy-full-admin') f.muted = true;
    const result = buildResult(ev, findings, { lang: 'en', source: 'evidence', startedAt: new Date(), checks: CHECKS_BY_ID });
    const requirement = complianceView(result, frameworkById('aws-securityhub')!).requirements.find((r) => r.id === 'IAM.1');
    assert.notEqual(requirement?.verdict, 'FAIL');
  });
});
