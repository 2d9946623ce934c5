import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';
import type { Status } from '../src/engine/types.js';
import { render, unrenderedFindings } from '../src/record/render.js';
import { REPORTERS } from '../src/report/index.js';
import { manyAccountsRecord } from './builders/many-accounts.js';

// The HTML report of an organisation scan takes the rendered findings one at a time (src/report/html/findings.ts):
// it never reads `result.findings`, which would put every finding into words at once, and the page is the same
// byte for byte as the one made from the whole array, whatever record it is given.

const record = manyAccountsRecord({ accounts: 5, notAssessed: 1 });
const options = { color: false, region: 'us-east-1' };
const html = REPORTERS.html.render;

describe('the HTML report takes rendered findings one at a time', () => {
  for (const statusFilter of [null, ['FAIL', 'MANUAL'] as Status[]]) {
    for (const lang of ['en', 'nl'] as const) {
      it(`${lang}, ${statusFilter ? `only ${statusFilter.join(',')}` : 'every status'}: same page, findings never all in words`, () => {
        const whole = render(record, lang, { checks: CHECKS, statusFilter });
        assert.ok(whole.findings.length > 0);
        const expected = html(whole, { ...options, record, compliance: 'cis-aws-v5.0.0' });

        const lazy = render(record, lang, { checks: CHECKS, statusFilter });
        assert.equal(html(lazy, { ...options, record, compliance: 'cis-aws-v5.0.0' }), expected);
        // Never materialised: the findings can still be taken one at a time.
        assert.equal(unrenderedFindings(lazy)?.count, whole.findings.length);

        // Without the record, or with another record than the result's, counts come from the rendered findings.
        const other = { ...record, findings: record.findings.slice().reverse() };
        const loose = render(record, lang, { checks: CHECKS, statusFilter });
        const wrong = render(record, lang, { checks: CHECKS, statusFilter });
        assert.equal(html(loose, options), html(whole, options));
        assert.equal(html(wrong, { ...options, record: other }), html(whole, { ...options, record: other }));
        assert.ok(unrenderedFindings(loose) && unrenderedFindings(wrong));
      });
    }
  }
});
