// bench/evaluate: import, evaluate and render (table and JSON) an account with 5,000 IAM users,
// AWS's per-account maximum, with realistic groups, roles and policies. Prints wall time per
// stage and peak memory. Target (issue 2): under 0.5 s and 300 MB in all.
//   npm run bench        (or: node --import tsx bench/evaluate.ts [users])
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CHECKS, CHECKS_BY_ID } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import { buildResult } from '../src/engine/result.js';
import { loadEvidence } from '../src/evidence/load.js';
import { renderJson } from '../src/report/json.js';
import { renderTable } from '../src/report/table.js';
import { allowAll, awsPolicy, daysAgo, evidenceJson, readOnly, type PolicyJson, type UserSpec } from '../test/builders/evidence.js';

const USERS = Number(process.argv[2] ?? 5000);
const GROUPS = 60;
const ROLES = 400;
const POLICIES = 300;

// A deterministic pseudo-random sequence, so every run measures the same account.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;

const policyArn = (i: number) => `arn:aws:iam::123456789012:policy/team-${i}`;
const statements = (i: number): PolicyJson => ({
  statements: [
    { effect: 'Allow', actions: [`s3:Get*`, `s3:List*`, `dynamodb:Query`, `sqs:*`], resources: [`arn:aws:s3:::team-${i}-*`, `arn:aws:sqs:eu-west-1:123456789012:team-${i}-*`] },
    { effect: 'Allow', actions: ['logs:*', 'cloudwatch:Get*'], resources: ['*'] },
    { effect: 'Deny', actions: ['iam:*'], resources: ['*'], hasCondition: true },
  ],
});

function account() {
  const groups = Array.from({ length: GROUPS }, (_, g) => ({
    name: `team-${g}`,
    attached: [policyArn(g % POLICIES), policyArn((g * 7) % POLICIES), ...(g === 0 ? [awsPolicy('AdministratorAccess')] : [])],
    inline: g % 10 === 0 ? [{ name: `team-${g}-extra`, document: statements(g) }] : [],
  }));
  const users: UserSpec[] = Array.from({ length: USERS }, (_, i) => {
    const console = rand() < 0.6;
    const keys = rand() < 0.7;
    const used = (max: number) => (rand() < 0.1 ? 'N/A' : daysAgo(Math.floor(rand() * max)));
    return {
      name: `user-${String(i).padStart(5, '0')}${i % 500 === 0 ? ',svc' : ''}`,
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
  return evidenceJson({ users, groups, roles, policies });
}

// The account is generated here and measured in a fresh process, so that the generator's memory
// and garbage do not count.
const measuredFile = process.env.LOCKDOWN_BENCH_FILE;
if (!measuredFile) {
  const dir = mkdtempSync(join(tmpdir(), 'lockdown-bench-'));
  const file = join(dir, 'evidence.json');
  writeFileSync(file, JSON.stringify(account()));
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, LOCKDOWN_BENCH_FILE: file } });
  rmSync(dir, { recursive: true, force: true });
  process.exit(child.status ?? 1);
}
const file = measuredFile;
const baseline = process.memoryUsage().rss;

const timings: [string, number][] = [];
const time = <T>(label: string, fn: () => T): T => {
  const start = performance.now();
  const value = fn();
  timings.push([label, performance.now() - start]);
  return value;
};

const evidence = time('import (read + validate)', () => loadEvidence(file));
const findings = time(`evaluate (${CHECKS.length} checks)`, () => evaluate(evidence, CHECKS));
const result = time('build result (words, en)', () => buildResult(evidence, findings, { lang: 'en', source: 'evidence', startedAt: new Date(), checks: CHECKS_BY_ID }));
const table = time('render table', () => renderTable(result, { color: false, region: 'us-east-1' }));
const json = time('render JSON', () => renderJson(result));
const peak = process.resourceUsage().maxRSS * 1024;

const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
console.log(`bench/evaluate: ${USERS} users, ${GROUPS} groups, ${ROLES} roles, ${POLICIES + 2} managed policies`);
for (const [label, ms] of timings) console.log(`  ${label.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms`);
console.log(`  ${'total'.padEnd(28)} ${total.toFixed(1).padStart(8)} ms   (target < 500 ms)`);
console.log(`  findings ${findings.length}, table ${(table.length / 1024).toFixed(0)} KiB, JSON ${(json.length / 1024 / 1024).toFixed(1)} MiB`);
console.log(`  peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (process baseline before import ${(baseline / 1024 / 1024).toFixed(0)} MB; target < 300 MB)`);
