import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../src/engine/result.js';
import { REPORTERS, reportChunks } from '../src/report/index.js';
import { jsonChunks, renderJson } from '../src/report/json.js';
import { largeResult } from './builders/large-account.js';
import { fixedResult } from './report-fixture.js';

// The JSON report is written piece by piece (src/report/json.ts); its text must stay exactly what
// JSON.stringify gives for the whole result: indented up to 1,000 findings, compact above.

const OPTIONS = { color: false, region: 'us-east-1' };
const stringified = (result: unknown, indent?: number) => `${JSON.stringify(result, null, indent)}\n`;

describe('JSON report in pieces', () => {
  it('is JSON.stringify of the whole result, indented, for a small result (English and Dutch)', () => {
    for (const lang of ['en', 'nl'] as const) {
      const result = fixedResult(lang);
      assert.equal([...jsonChunks(result)].join(''), stringified(result, 2));
      assert.equal(renderJson(result), stringified(result, 2));
    }
  });

  it('is JSON.stringify of the whole result, compact, above 1,000 findings, in pieces of bounded size', () => {
    const result = largeResult(300);
    assert.ok(result.findings.length > 1000, `${result.findings.length} findings`);
    const pieces = [...jsonChunks(result)];
    assert.ok(pieces.length > 1, 'written in more than one piece');
    // A piece ends after the finding that took it past 256K characters.
    for (const piece of pieces) assert.ok(piece.length < (1 << 18) + 20_000, `piece of ${piece.length} characters`);
    assert.equal(pieces.join(''), stringified(result));
  });

  it('renders findings nobody has read while writing them, to the same text (English and Dutch, compact and indented)', () => {
    for (const lang of ['en', 'nl'] as const) {
      for (const result of [largeResult(300, lang), fixedResult(lang)]) {
        // Written first: the findings are put into words one by one as they are written.
        const streamed = [...jsonChunks(result)].join('');
        // Read afterwards: the same findings, rendered as an array.
        assert.ok(result.findings.length > 0);
        assert.equal(streamed, stringified(result, result.findings.length > 1000 ? undefined : 2));
      }
    }
    // A result whose findings were replaced writes the replacement.
    const result = largeResult(300);
    result.findings = result.findings.filter((f) => f.status === 'FAIL');
    assert.equal([...jsonChunks(result)].join(''), stringified(result, result.findings.length > 1000 ? undefined : 2));
  });

  it('keeps JSON.stringify’s treatment of empty lists, absent values and lone surrogates', () => {
    const base = fixedResult('en');
    const cases: unknown[] = [
      { ...base, findings: [] },
      { ...base, findings: base.findings.slice(0, 2), mutelist: undefined },
      { ...base, findings: [base.findings[0], undefined], checks: {} },
      { ...base, findings: [{ ...base.findings[0], message: 'half \ud800 a pair', title: 'line\nbreak "quoted"' }] },
      { findings: [] },
    ];
    for (const result of cases) assert.equal([...jsonChunks(result as ScanResult)].join(''), stringified(result, 2));
  });

  it('is what reportChunks gives for json; other formats come as their one rendered text', () => {
    const result = fixedResult('en');
    assert.equal([...reportChunks('json', result, OPTIONS)].join(''), REPORTERS.json.render(result, OPTIONS));
    assert.deepEqual([...reportChunks('csv', result, OPTIONS)], [REPORTERS.csv.render(result, OPTIONS)]);
  });
});
