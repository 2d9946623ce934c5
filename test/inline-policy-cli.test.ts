import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { policyFullAdmin } from '../src/checks/policy-full-admin.js';
import { rootAccessKeys } from '../src/checks/root-access-keys.js';
import { evaluate } from '../src/engine/evaluate.js';
import { normalisePolicyDocument } from '../src/evidence/policy-document.js';
import { accountRecord, buildRecord } from '../src/record/record.js';
import { render } from '../src/record/render.js';
import type { Check } from '../src/engine/check.js';
import type { Evidence } from '../src/engine/types.js';
import { ACCOUNT_ID, BASE_USERS, awsPolicy, daysAgo, evidence, user, type PolicyJson } from './builders/evidence.js';

// Issue 11 item 16: an inline policy has no ARN; its remediation uses the inline-policy commands of
// the user, group or role that holds it. Also issue 10 defect 6/7 wording, rendered end to end.

const everything = normalisePolicyDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'test') as PolicyJson;

function rendered(ev: Evidence, checks: Check[], lang: 'en' | 'nl' = 'en') {
  const record = buildRecord([{ account: accountRecord(ev), findings: evaluate(ev, checks), mutelist: null }], {
    source: 'evidence',
    startedAt: new Date('2026-11-20T10:00:00Z'),
    finishedAt: new Date('2026-11-20T10:00:01Z'),
    checks,
  });
  return render(record, lang).findings;
}

describe('policy-full-admin remediation for inline policies', () => {
  const ev = evidence({
    users: [...BASE_USERS, user('build', { groups: [], inline: [{ name: 'do-anything', document: everything }] })],
    roles: [{ name: 'ops-automation', inline: [{ name: 'EverythingEverywhere', document: everything }] }],
    groups: [{ name: 'platform', inline: [{ name: 'Admin', document: everything }] }],
  });
  const findings = rendered(ev, [policyFullAdmin]);
  const cliOf = (name: string) => findings.find((f) => f.resource.name === name)?.remediation?.cli ?? '';

  it('a user inline policy: get-user-policy, then delete-user-policy, no synthetic ARN', () => {
    const cli = cliOf('do-anything');
    assert.match(cli, /^aws iam get-user-policy --user-name build --policy-name do-anything /);
    assert.match(cli, /aws iam delete-user-policy --user-name build --policy-name do-anything$/);
    assert.doesNotMatch(cli, /inline-policy|--policy-arn/);
  });

  it('the role and group twins', () => {
    assert.match(cliOf('EverythingEverywhere'), /^aws iam get-role-policy --role-name ops-automation --policy-name EverythingEverywhere .*delete-role-policy --role-name ops-automation /);
    assert.match(cliOf('Admin'), /^aws iam get-group-policy --group-name platform --policy-name Admin .*delete-group-policy --group-name platform /);
  });

  it('a managed policy keeps the check-wide command', () => {
    const managed = rendered(evidence({ roles: [{ name: 'Ops', attached: [awsPolicy('AdministratorAccess')] }] }), [policyFullAdmin]);
    assert.match(managed[0]?.remediation?.cli ?? '', /^aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy\/AdministratorAccess /);
  });

  // IAM names cannot hold these characters, but an edited evidence file can.
  it('a holder name with shell metacharacters stays one word', () => {
    const odd = rendered(evidence({ users: [...BASE_USERS, user("x';id", { groups: [], inline: [{ name: 'p', document: everything }] })] }), [policyFullAdmin]);
    const cli = odd.find((f) => f.resource.name === 'p')?.remediation?.cli ?? '';
    assert.ok(cli.includes("--user-name 'x'\\'';id' --policy-name p"), cli);
  });
});

describe('wording of root and admin-equivalent findings', () => {
  it('root access keys: the inactive key beside the active one is named', () => {
    const ev = evidence({ root: { key1: { active: true, lastRotated: daysAgo(1200), lastUsed: daysAgo(11) }, key2: { active: false, lastRotated: daysAgo(2000), lastUsed: daysAgo(1900) } }, summary: { AccountAccessKeysPresent: 1 } });
    assert.equal(rendered(ev, [rootAccessKeys])[0]?.message, 'The root user has 1 active access key and 1 inactive one; delete both, an inactive key can be reactivated.');
    assert.equal(rendered(ev, [rootAccessKeys], 'nl')[0]?.message, 'De root-gebruiker heeft 1 actieve toegangssleutel en 1 inactieve; verwijder ze allebei, want een inactieve sleutel kan weer worden aangezet.');
  });

  it('policy-full-admin says when a policy is admin-equivalent without being *:*', () => {
    const doc = normalisePolicyDocument({ Version: '2012-10-17', Statement: { Effect: 'Allow', NotAction: 'ec2:DescribeSpotPriceHistory', Resource: '*' } }, 'test') as PolicyJson;
    const ev = evidence({ roles: [{ name: 'Ops', attached: [`arn:aws:iam::${ACCOUNT_ID}:policy/AlmostAll`] }], policies: [{ name: 'AlmostAll', document: doc }] });
    const f = rendered(ev, [policyFullAdmin]).find((x) => x.resource.name === 'AlmostAll');
    assert.equal(f?.status, 'PASS');
    assert.match(f?.message ?? '', /^Policy AlmostAll does not allow literally every action \(\*:\*\), so it meets CIS, but it allows everything except ec2:DescribeSpotPriceHistory on every resource, iam:AttachUserPolicy, .* and iam:CreatePolicyVersion included; its holder \(role Ops\) can grant itself \*:\*\.$/);
  });
});
