import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { DEMO_EVIDENCE } from '../src/cli/scan.js';
import type { ScanResult } from '../src/engine/result.js';
import { PART_NAMES } from '../src/evidence/schema.js';
import { runMain, type Run } from './run-main.js';

// Property-based: realistic evidence (the demo account: 20 users, most checks failing somewhere)
// is made less complete or less consistent in random ways, and scanned through the real CLI entry.
// Whatever the mutation: the exit code is 0, 1 or 2, there is never a stack trace, and no finding
// that FAILs on the original evidence turns into a PASS (ERROR, or gone with its evidence, is fine;
// a false PASS is not).

type Doc = { account: { id: string }; collectedAt: string; parts: Record<string, unknown>; accessAnalyzers?: Record<string, unknown> };
type Row = { user: string; arn: string; userCreationTime: string; passwordLastUsed: string };
type AuthUser = { name: string; arn: string };

const tmp = mkdtempSync(join(tmpdir(), 'lockdown-fuzz-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const base = readFileSync(DEMO_EVIDENCE, 'utf8');
const env = { PATH: process.env.PATH ?? '', HOME: tmp, AWS_EC2_METADATA_DISABLED: 'true' };

let runs = 0;
async function scan(doc: Doc): Promise<Run> {
  const file = join(tmp, `evidence-${runs++}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return runMain(['scan', '--evidence', file, '--format', 'json', '--fail-on', 'high'], env);
}

const data = <T>(doc: Doc, part: string): T | undefined => (doc.parts[part] as { data?: T } | undefined)?.data;
const rows = (doc: Doc) => data<{ rows: Row[] }>(doc, 'credentialReport')?.rows;
const authUsers = (doc: Doc) => data<{ users: AuthUser[] }>(doc, 'authorizationDetails')?.users;

/** A mutation: its name (shown when fast-check shrinks a failure) and what it does to the document. */
type Mutation = { name: string; apply(doc: Doc): void };
const named = (m: Mutation): Mutation => Object.assign(m, { [fc.toStringMethod]: () => m.name });

const part = fc.constantFrom(...PART_NAMES);
const errorCode = fc.constantFrom('AccessDenied', 'Throttling', 'InternalFailure', 'ReportInProgress', 'NoSuchEntity', 'Timeout');

// Less complete: a part is gone, or could not be read.
const lessComplete: fc.Arbitrary<Mutation> = fc.oneof(
  part.map((name) => ({ name: `drop ${name}`, apply: (doc: Doc) => void delete doc.parts[name] })),
  fc.tuple(part, errorCode).map(([name, code]) => ({
    name: `${name} fails with ${code}`,
    apply: (doc: Doc) => void (doc.parts[name] = { error: { code, message: `${code} on ${name}`, action: 'iam:Get' } }),
  })),
  fc.constant({ name: 'no Access Analyzer answers', apply: (doc: Doc) => void delete doc.accessAnalyzers }),
).map(named);

// Less consistent: contradictions, foreign data, impossible times and values, hostile names.
const hostile = fc.constantFrom('\u001b[31mred\u001b[0m', 'x; touch pwned; $(id)', 'lone\uD800surrogate', '@admin #1 <script>', '\u202Eevil', 'a\u0000b\u0007c');
const index = fc.nat({ max: 19 });
const lessConsistent: fc.Arbitrary<Mutation> = fc.oneof(
  index.map((i) => ({
    name: `report row ${i} twice`,
    apply: (doc: Doc) => {
      const r = rows(doc);
      const row = r?.[i % r.length];
      if (r && row) r.push({ ...row });
    },
  })),
  fc.constant({
    name: 'a harmless second root row placed first',
    apply: (doc: Doc) => {
      const r = rows(doc);
      const root = r?.find((x) => x.user === '<root_account>');
      if (r && root) r.unshift({ ...root, passwordLastUsed: 'no_information' });
    },
  }),
  index.map((i) => ({
    name: `report row ${i} of another account`,
    apply: (doc: Doc) => {
      const r = rows(doc);
      const row = r?.[i % r.length];
      if (row) row.arn = row.arn.replace(doc.account.id, '999999999999');
    },
  })),
  index.map((i) => ({
    name: `user of row ${i} created after collection`,
    apply: (doc: Doc) => {
      const r = rows(doc);
      const row = r?.[i % r.length];
      if (row) row.userCreationTime = new Date(Date.parse(doc.collectedAt) + 30 * 86_400_000).toISOString();
    },
  })),
  fc.constantFrom(-1, 2, 7).map((n) => ({
    name: `AccountMFAEnabled ${n}`,
    apply: (doc: Doc) => {
      const summary = data<Record<string, number>>(doc, 'accountSummary');
      if (summary) summary.AccountMFAEnabled = n;
    },
  })),
  fc.tuple(index, hostile).map(([i, name]) => ({
    name: `user ${i} renamed ${JSON.stringify(name)}`,
    apply: (doc: Doc) => {
      const users = authUsers(doc);
      const user = users?.[i % users.length];
      if (!user) return;
      const row = rows(doc)?.find((x) => x.user === user.name);
      const arn = user.arn.replace(/[^/]+$/, name);
      if (row) Object.assign(row, { user: name, arn });
      Object.assign(user, { name, arn });
    },
  })),
).map(named);

const failing = (result: ScanResult) => new Set(result.findings.filter((f) => f.status === 'FAIL').map((f) => f.id));

function assertSane(run: Run, what: string): ScanResult | undefined {
  assert.ok(run.code === 0 || run.code === 1 || run.code === 2, `${what}: exit ${run.code}: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /\n\s+at |internal error|interne fout/, `${what}: a stack trace or internal error: ${run.stderr}`);
  if (run.code === 2) {
    assert.equal(run.stdout, '', `${what}: refused input writes no report`);
    assert.equal(run.stderr.trim().split('\n').length, 1, `${what}: one line: ${run.stderr}`);
    return undefined;
  }
  return JSON.parse(run.stdout) as ScanResult;
}

describe('mutated evidence (property-based)', async () => {
  const original = assertSane(await scan(JSON.parse(base) as Doc), 'the demo');
  assert.ok(original);
  const failedBefore = failing(original);

  const check = (mutations: fc.Arbitrary<Mutation[]>) =>
    fc.asyncProperty(mutations, async (list) => {
      const doc = JSON.parse(base) as Doc;
      for (const m of list) m.apply(doc);
      const what = list.map((m) => m.name).join(', ');
      const result = assertSane(await scan(doc), what);
      if (!result) return;
      for (const f of result.findings) {
        if (f.status === 'PASS') assert.ok(!failedBefore.has(f.id), `${what}: ${f.checkId} on ${f.resource.name} turned from FAIL to PASS`);
      }
    });

  it('less complete evidence never turns a FAIL into a PASS', async () => {
    await fc.assert(check(fc.array(lessComplete, { minLength: 1, maxLength: 3 })), { numRuns: 60 });
  });

  it('less consistent evidence never turns a FAIL into a PASS, never crashes, and is refused in one line or judged', async () => {
    await fc.assert(check(fc.array(lessConsistent, { minLength: 1, maxLength: 2 })), { numRuns: 60 });
  });

  it('both at once', async () => {
    await fc.assert(check(fc.tuple(lessComplete, lessConsistent).map(([a, b]) => [a, b])), { numRuns: 30 });
  });
});
