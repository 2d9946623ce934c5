import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema } from '../src/config/config.js';
import type { Check } from '../src/engine/check.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Evidence, Finding, Status } from '../src/engine/types.js';

// The check harness (STYLE.md §8, like ESLint's RuleTester): a table must hold pass, fail and
// error cases, no two alike, and together they must produce every message id the check has.

export interface Case {
  name: string;
  ev: Evidence;
  /** The resource name to look at; without it the check must produce exactly one finding. */
  resource?: string;
  messageId?: string;
  /** Parameters the finding must carry (a subset). */
  params?: Record<string, string | number>;
  config?: Record<string, unknown>;
}

export interface Table {
  pass: Case[];
  fail: Case[];
  error: Case[];
  notApplicable?: Case[];
  manual?: Case[];
}

const GROUPS: [keyof Table, Status][] = [
  ['pass', 'PASS'],
  ['fail', 'FAIL'],
  ['error', 'ERROR'],
  ['notApplicable', 'NOT_APPLICABLE'],
  ['manual', 'MANUAL'],
];

export function findingsFor(check: Check, c: Pick<Case, 'ev' | 'config'>): Finding[] {
  return evaluate(c.ev, [check], { config: configSchema.parse(c.config ?? {}) });
}

export function pick(findings: Finding[], resource: string | undefined, caseName: string): Finding {
  if (resource === undefined) {
    assert.equal(findings.length, 1, `${caseName}: expected one finding, got ${findings.length} (name a resource)`);
    return findings[0] as Finding;
  }
  const found = findings.filter((f) => f.resource.name === resource || f.resource.arn === resource);
  assert.equal(found.length, 1, `${caseName}: expected one finding for resource ${resource}, got ${found.length}`);
  return found[0] as Finding;
}

export interface RunOptions {
  /**
   * The check reads no evidence and always gives one verdict (e.g. a retired AWS feature); the
   * reason is required, and the table then needs cases of that verdict only.
   */
  constant?: string;
}

export const checkTester = {
  run(check: Check, table: Partial<Table>, options: RunOptions = {}): void {
    if (options.constant !== undefined) {
      if (options.constant.trim() === '') throw new Error(`${check.id}: a constant check must say why it is constant`);
      if (GROUPS.every(([kind]) => (table[kind] ?? []).length === 0)) throw new Error(`${check.id}: the test table has no case`);
    } else {
      for (const kind of ['pass', 'fail', 'error'] as const) {
        if ((table[kind] ?? []).length === 0) throw new Error(`${check.id}: the test table has no ${kind} case`);
      }
    }
    const all = GROUPS.flatMap(([kind]) => table[kind] ?? []);
    const names = new Set<string>();
    const shapes = new Set<string>();
    for (const c of all) {
      if (names.has(c.name)) throw new Error(`${check.id}: duplicate case name "${c.name}"`);
      names.add(c.name);
      const shape = JSON.stringify([c.ev, c.resource, c.config]);
      if (shapes.has(shape)) throw new Error(`${check.id}: case "${c.name}" repeats the evidence of another case`);
      shapes.add(shape);
    }
    const produced = new Set<string>();

    describe(check.id, () => {
      for (const [kind, status] of GROUPS) {
        for (const c of table[kind] ?? []) {
          it(`${kind}: ${c.name}`, () => {
            const finding = pick(findingsFor(check, c), c.resource, c.name);
            assert.equal(finding.status, status, `${c.name}: status (message ${finding.messageId} ${JSON.stringify(finding.params)})`);
            const expected = c.messageId ?? (status === 'ERROR' ? 'engine.evidenceUnavailable' : undefined);
            assert.ok(expected, `${c.name}: a ${kind} case must name its messageId`);
            assert.equal(finding.messageId, expected, `${c.name}: messageId`);
            for (const [k, v] of Object.entries(c.params ?? {})) assert.equal(finding.params[k], v, `${c.name}: param ${k}`);
            assert.equal(finding.severity, check.severity);
            produced.add(finding.messageId);
          });
        }
      }
      it('every message id is produced by some case', () => {
        const missing = Object.keys(check.text.en.messages).filter((id) => !produced.has(id));
        assert.deepEqual(missing, [], `${check.id}: message ids no case produces`);
      });
    });
  },
};
