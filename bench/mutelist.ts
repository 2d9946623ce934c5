// bench/mutelist: the mutelist's glob matching (issue 11 item 7). Prints the time of a star-heavy
// pattern against a long name (a backtracking regular expression took minutes for this one) and of
// muting 40,000 findings with 100 rules. Targets: the pathological match under 10 ms, the whole
// mutelist under 2 s.
//   npm run bench        (or: node --import tsx bench/mutelist.ts)
import { performance } from 'node:perf_hooks';
import { globMatch } from '../src/config/glob.js';
import type { Mutelist } from '../src/config/mutelist.js';
import { applyMutelist } from '../src/engine/mutelist.js';
import type { Finding } from '../src/engine/types.js';

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

const name = 'a'.repeat(64);
const [starHeavy, starMs] = time(() => globMatch('a*'.repeat(8) + 'b', name));
const [longHeavy, longMs] = time(() => globMatch('a*'.repeat(200) + 'b', 'a'.repeat(10_000)));

const ACCOUNT = '123456789012';
const findings = Array.from({ length: 40_000 }, (_, i) => ({
  checkId: `check-${i % 40}`,
  accountId: ACCOUNT,
  resource: { arn: `arn:aws:iam::${ACCOUNT}:user/team-${i % 97}/user-${String(i).padStart(5, '0')}` },
})) as unknown as Finding[];
// Rules that almost match (the costly case): each has stars and ends in something few names end in.
const rules = Array.from({ length: 100 }, (_, r) => ({
  checks: [`check-${r % 40}`, 'check-*-x'],
  accounts: ['*'],
  resources: [`arn:aws:iam::*:user/team-*/*-${String(r).padStart(5, '0')}`, `arn:*:iam::*:user/*a*a*a*a*/*${r}?`],
  reason: 'bench',
}));
const mutelist = { file: 'bench', rules } as unknown as Mutelist;
const [report, mutelistMs] = time(() => applyMutelist(findings, mutelist, new Date(), new Map()));
const muted = report.rules.reduce((n, r) => n + r.matched, 0);

console.log(`mutelist: 8-star pattern vs 64-char name ${starMs.toFixed(3)} ms (match: ${starHeavy})`);
console.log(`mutelist: 200-star pattern vs 10,000-char name ${longMs.toFixed(1)} ms (match: ${longHeavy})`);
console.log(`mutelist: 40,000 findings x 100 rules ${mutelistMs.toFixed(0)} ms (${muted} muted)`);
if (starMs > 10 || mutelistMs > 2_000) {
  console.error('mutelist: over budget (10 ms for the star-heavy match, 2 s for the mutelist)');
  process.exit(1);
}
