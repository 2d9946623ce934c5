import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Check } from '../../src/engine/check.js';
import type { Param } from '../../src/i18n/index.js';
import { findingsFor, pick, type Case, type Table } from '../check-tester.js';

// checkTester compares parameters with ===, which suits names and numbers. Lists, terms and days
// are objects: this takes them out of each case, checks them deeply in a test of their own, and
// hands the rest of the table to checkTester unchanged.

export type ParamCase = Omit<Case, 'params'> & { params?: Record<string, Param> };
export type ParamTable = { [K in keyof Table]?: ParamCase[] };

export function withStructuredParams(check: Check, table: ParamTable): Table {
  const out: Partial<Table> = {};
  for (const [kind, cases] of Object.entries(table) as [keyof Table, ParamCase[]][]) {
    out[kind] = cases.map(({ params, ...c }): Case => {
      const plain: Record<string, string | number> = {};
      const structured: Record<string, Param> = {};
      for (const [key, value] of Object.entries(params ?? {})) {
        if (typeof value === 'object') structured[key] = value;
        else plain[key] = value;
      }
      if (Object.keys(structured).length > 0) {
        it(`${check.id} ${kind}: ${c.name}: structured parameters`, () => {
          const finding = pick(findingsFor(check, c), c.resource, c.name);
          for (const [key, value] of Object.entries(structured)) assert.deepEqual(finding.params[key], value, `${c.name}: param ${key}`);
        });
      }
      return params ? { ...c, params: plain } : c;
    });
  }
  return out as Table;
}
