import { CHECKS, CHECKS_BY_ID } from '../../src/checks/registry.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { buildResult, type ScanResult } from '../../src/engine/result.js';
import type { Lang } from '../../src/engine/types.js';
import { parseEvidence } from '../../src/evidence/parse.js';
import type { EvidenceJson } from '../../src/evidence/schema.js';
import { allowAll, awsPolicy, daysAgo, evidenceJson, readOnly, type PolicyJson, type UserSpec } from './evidence.js';

// A large, realistic account in the way bench/evaluate.ts builds one (groups, roles, customer
// policies, a spread of credential states), for size and speed tests of the reporters. The
// sequence is deterministic, so every run measures the same account.
export function largeAccountJson(users: number, extra: { names?: (i: number) => string } = {}): EvidenceJson {
  const GROUPS = 60;
  const ROLES = 400;
  const POLICIES = 300;
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
  const policyArn = (i: number) => `arn:aws:iam::123456789012:policy/team-${i}`;
  const statements = (i: number): PolicyJson => ({
    statements: [
      { effect: 'Allow', actions: ['s3:Get*', 's3:List*', 'dynamodb:Query', 'sqs:*'], resources: [`arn:aws:s3:::team-${i}-*`] },
      { effect: 'Allow', actions: ['logs:*', 'cloudwatch:Get*'], resources: ['*'] },
      { effect: 'Deny', actions: ['iam:*'], resources: ['*'], hasCondition: true },
    ],
  });

  const groups = Array.from({ length: GROUPS }, (_, g) => ({
    name: `team-${g}`,
    attached: [policyArn(g % POLICIES), policyArn((g * 7) % POLICIES), ...(g === 0 ? [awsPolicy('AdministratorAccess')] : [])],
    inline: g % 10 === 0 ? [{ name: `team-${g}-extra`, document: statements(g) }] : [],
  }));
  const userSpecs: UserSpec[] = Array.from({ length: users }, (_, i) => {
    const console = rand() < 0.6;
    const keys = rand() < 0.7;
    const used = (max: number) => (rand() < 0.1 ? 'N/A' : daysAgo(Math.floor(rand() * max)));
    return {
      name: extra.names?.(i) ?? `user-${String(i).padStart(5, '0')}`,
      password: console,
      mfa: console && rand() < 0.8,
      passwordLastUsed: console ? used(200) : 'N/A',
      passwordLastChanged: console ? daysAgo(Math.floor(rand() * 400)) : 'N/A',
      key1: keys ? { active: true, lastRotated: daysAgo(Math.floor(rand() * 500)), lastUsed: used(120) } : undefined,
      key2: keys && rand() < 0.1 ? { active: rand() < 0.5, lastRotated: daysAgo(Math.floor(rand() * 300)), lastUsed: used(60) } : undefined,
      groups: rand() < 0.95 ? [pick(groups).name, ...(rand() < 0.4 ? [pick(groups).name] : [])].filter((g, k, all) => all.indexOf(g) === k) : [],
      attached: rand() < 0.05 ? [policyArn(Math.floor(rand() * POLICIES))] : [],
      inline: rand() < 0.02 ? [{ name: 'personal', document: rand() < 0.1 ? allowAll() : readOnly() }] : [],
    };
  });
  const roles = Array.from({ length: ROLES }, (_, r) => ({
    name: `service-role-${r}`,
    attached: [policyArn(r % POLICIES), ...(r === 0 ? [awsPolicy('AWSSupportAccess')] : [])],
    inline: r % 20 === 0 ? [{ name: 'inline', document: statements(r) }] : [],
  }));
  const policies = [
    ...Array.from({ length: POLICIES }, (_, p) => ({ name: `team-${p}`, document: statements(p), attachmentCount: 3 })),
    { name: 'AdministratorAccess', arn: awsPolicy('AdministratorAccess'), document: allowAll(), attachmentCount: 1 },
    { name: 'AWSSupportAccess', arn: awsPolicy('AWSSupportAccess'), document: { statements: [{ effect: 'Allow' as const, actions: ['support:*'], resources: ['*'] }] }, attachmentCount: 1 },
  ];
  return evidenceJson({ users: userSpecs, groups, roles, policies });
}

/** The scan result of such an account: about 8 findings per user (40,028 at 5,000 users). */
export function largeResult(users: number, lang: Lang = 'en', extra: { names?: (i: number) => string } = {}): ScanResult {
  const evidence = parseEvidence(largeAccountJson(users, extra), 'large account');
  return buildResult(evidence, evaluate(evidence, CHECKS), { lang, source: 'evidence', startedAt: new Date('2026-11-20T10:00:00.000Z'), checks: CHECKS_BY_ID });
}
