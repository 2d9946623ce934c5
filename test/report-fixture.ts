import { readFileSync } from 'node:fs';
import { CHECKS } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { ScanResult } from '../src/engine/result.js';
import type { Lang } from '../src/engine/types.js';
import { parseEvidence } from '../src/evidence/parse.js';
import { accountRecord, buildRecord, type ScanRecord } from '../src/record/record.js';
import { render } from '../src/record/render.js';

// One fixed result for reporter tests: the demo account (every status but ERROR, every severity)
// plus an unreadable part (ERROR), a muted finding, and hostile names for escaping tests.

export const HOSTILE_USER = '<img src=x onerror=alert(1)>';
export const HOSTILE_POLICY = "=cmd|' /C calc'!A0";
export const MUTE_REASON = 'Break-glass key kept in the vault (SEC-42)';

const demo = JSON.parse(readFileSync(new URL('../demo/insecure-account.evidence.json', import.meta.url), 'utf8'));

export function fixedResult(lang: Lang = 'en'): ScanResult {
  return render(fixedRecord(), lang, { checks: CHECKS });
}

/** The language-neutral record the fixed result is rendered from. */
export function fixedRecord(): ScanRecord {
  const json = structuredClone(demo);
  const arnBase = `arn:aws:iam::${json.account.id}`;
  const rows = json.parts.credentialReport.data.rows;
  // A console user without MFA (FAIL on user-console-mfa) under a name that is HTML.
  const carol = rows.find((r: { user: string }) => r.user === 'carol.bakker');
  rows.push({ ...carol, user: HOSTILE_USER, arn: `${arnBase}:user/${HOSTILE_USER}` });
  const details = json.parts.authorizationDetails.data;
  details.users.push({ name: HOSTILE_USER, arn: `${arnBase}:user/${HOSTILE_USER}`, groups: ['developers'], attachedPolicies: [], inlinePolicies: [] });
  // A full-admin customer policy (FAIL on policy-full-admin) whose name is a spreadsheet formula.
  details.policies.push({
    name: HOSTILE_POLICY,
    arn: `${arnBase}:policy/${HOSTILE_POLICY}`,
    attachmentCount: 1,
    defaultVersionId: 'v1',
    defaultDocument: { statements: [{ effect: 'Allow', actions: ['*'], resources: ['*'], hasCondition: false }] },
  });
  json.parts.identityCenterInstances = { error: { code: 'AccessDenied', message: 'User is not authorized to perform: sso:ListInstances', action: 'sso:ListInstances' } };

  const evidence = parseEvidence(json, 'report fixture');
  const findings = evaluate(evidence, CHECKS);
  const muted = findings.find((f) => f.checkId === 'root-access-keys' && f.status === 'FAIL');
  if (!muted) throw new Error('the demo no longer fails root-access-keys');
  muted.muted = true;
  muted.muteReason = MUTE_REASON;
  const mutelist = { file: 'mutelist.yaml', rules: [{ rule: 1, checks: ['root-access-keys'], reason: MUTE_REASON, owner: 'security', expires: null, expired: false, matched: 1 }], unused: [], expired: [] };
  return buildRecord([{ account: accountRecord(evidence), findings, mutelist }], { source: 'demo', startedAt: new Date('2026-11-20T10:00:00.000Z'), checks: CHECKS });
}
