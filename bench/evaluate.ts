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
import { largeAccountJson } from '../test/builders/large-account.js';

const USERS = Number(process.argv[2] ?? 5000);
// Every 500th user has a comma in its name, as real accounts sometimes do (CSV quoting).
const account = () => largeAccountJson(USERS, { names: (i) => `user-${String(i).padStart(5, '0')}${i % 500 === 0 ? ',svc' : ''}` });

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
console.log(`bench/evaluate: ${USERS} users, 60 groups, 400 roles, 300 customer policies (test/builders/large-account.ts)`);
for (const [label, ms] of timings) console.log(`  ${label.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms`);
console.log(`  ${'total'.padEnd(28)} ${total.toFixed(1).padStart(8)} ms   (target < 500 ms)`);
console.log(`  findings ${findings.length}, table ${(table.length / 1024).toFixed(0)} KiB, JSON ${(json.length / 1024 / 1024).toFixed(1)} MiB`);
console.log(`  peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (process baseline before import ${(baseline / 1024 / 1024).toFixed(0)} MB; target < 300 MB)`);
