import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { z } from 'zod';
import { credentialRow, credentialRows, parseCredentialReportCsv, reportIso, simpleCsv } from '../src/evidence/credential-report-csv.js';
import { toIso } from '../src/evidence/timestamps.js';

// The credential report is read by a small CSV reader for the plain form IAM writes, and by
// csv-parse for everything else (src/evidence/credential-report-csv.ts). Where the small reader
// answers, its answer must be csv-parse's, record for record and line for line.

const CSV_OPTIONS = { skip_empty_lines: true, relax_column_count: false, trim: true, info: true } as const;
type Info = { record: string[]; info: { lines: number } };
const csvParse = (text: string): Info[] | Error => {
  try {
    return (parse(text, CSV_OPTIONS) as unknown as Info[]).map(({ record, info }) => ({ record, info: { lines: info.lines } }));
  } catch (error) {
    return error as Error;
  }
};

// Text made of the characters that matter to CSV, quoting and trimming.
const piece = fc.constantFrom('a', 'b', 'user', ',', ',', '"', '""', '\n', '\n', '\r\n', '\r', ' ', '\t', '\u00a0', '\u2003', '\uFEFF', 'é', '\uD800', '😀', 'x,y', '"x,y"', '');
const csvText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
// Rows of the same width, some fields quoted: the small reader's own ground.
const field = fc.oneof(fc.stringMatching(/^[a-z0-9@._+=-]{0,8}$/), fc.stringMatching(/^[a-z ,"]{0,8}$/).map((s) => `"${s.replace(/"/g, '""')}"`));
const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.boolean())
  .chain(([width, height, crlf, lastEnd]) =>
    fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: height, maxLength: height }).map((rows) => {
      const end = crlf ? '\r\n' : '\n';
      return rows.map((r) => r.join(',')).join(end) + (lastEnd ? end : '');
    }),
  );

describe('credential report CSV', () => {
  it('the small reader answers as csv-parse does, or leaves the text to it', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, table), (text) => {
        const fast = simpleCsv(text);
        if (fast === undefined) return;
        assert.deepEqual(fast, csvParse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('the small reader answers for plain tables, quoted fields included', () => {
    fc.assert(
      fc.property(table, (text) => {
        assert.notEqual(simpleCsv(text), undefined, JSON.stringify(text));
      }),
      { numRuns: 500 },
    );
  });

  it('report times in IAM’s form become what toIso makes of them; impossible ones are left to toIso', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const time = fc
      .tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), two(13), two(32), two(25), two(61), two(61), fc.constantFrom('+00:00', 'Z', '.000Z', '.123Z', '.5Z', '+01:00', '.123456Z'))
      .map(([y, mo, d, h, mi, s, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
    fc.assert(
      fc.property(fc.oneof(time, fc.constantFrom('2024-02-29T12:00:00+00:00', '2023-02-29T12:00:00+00:00', '1900-02-29T00:00:00+00:00', '2000-02-29T23:59:59+00:00')), (value) => {
        const fast = reportIso(value);
        let slow: string | undefined;
        try {
          slow = toIso(value, 'field');
        } catch {
          slow = undefined;
        }
        if (fast !== undefined) assert.equal(fast, slow, value);
      }),
      { numRuns: 3000 },
    );
    assert.equal(reportIso('2026-11-21T10:00:00+00:00'), '2026-11-21T10:00:00.000Z');
    assert.equal(reportIso('2026-11-21T10:00:00.250Z'), '2026-11-21T10:00:00.250Z');
  });

  it('a report the small reader leaves to csv-parse reads the same (a trimmed field, a name across lines)', () => {
    const header = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
    const row = (user: string) => `${user},arn:aws:iam::123456789012:user/x,2026-01-01T00:00:00+00:00,true,N/A,2026-01-02T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
    const plain = `${header}\n${row('alice')}\n${row('"bob,svc"')}\n`;
    const trimmed = `${header}\n${row(' alice')}\n${row('"bob,svc"')}\n`;
    assert.notEqual(simpleCsv(plain), undefined);
    assert.equal(simpleCsv(trimmed), undefined);
    assert.deepEqual(parseCredentialReportCsv(trimmed, 'report.csv'), parseCredentialReportCsv(plain, 'report.csv'));
  });
});

describe('credential report rows in the evidence schema', () => {
  const zodRows = z.array(credentialRow);
  const validTime = fc.constantFrom('N/A', 'no_information', 'not_supported', '2026-11-21T10:00:00+00:00', '2026-11-21T10:00:00.123Z', '2024-02-29T00:00:00Z', '2026-11-21T10:00:00.5-03:30');
  const key = fc.record({ active: fc.boolean(), lastRotated: validTime, lastUsed: validTime, lastUsedRegion: fc.constantFrom('eu-west-1', 'N/A', ''), lastUsedService: fc.constantFrom('s3', 'N/A') });
  const cert = fc.record({ active: fc.boolean(), lastRotated: validTime });
  const validRow = fc.record({
    user: fc.constantFrom('alice', '<root_account>', 'bob,svc'),
    arn: fc.constantFrom('arn:aws:iam::123456789012:user/alice', 'x'),
    userCreationTime: validTime,
    passwordEnabled: fc.constantFrom<boolean | 'not_supported'>(true, false, 'not_supported'),
    passwordLastUsed: validTime,
    passwordLastChanged: validTime,
    passwordNextRotation: validTime,
    mfaActive: fc.boolean(),
    accessKeys: fc.tuple(key, key),
    certificates: fc.tuple(cert, cert),
  });
  // Values a row may hold where it should not, and where in a row they go.
  const wrong = fc.constantFrom<unknown>(undefined, null, '', 'n/a', 'TRUE', 'true', 7, true, [], {}, '2023-02-29T00:00:00Z', '2026-11-21T24:00:00Z', '2026-11-21 10:00:00+00:00', '2026-11-21T10:00:00+0100', 'not_supported', 'N/A', '2026-11-21T10:00:00Z');
  const place = fc.constantFrom('user', 'arn', 'userCreationTime', 'passwordEnabled', 'passwordLastUsed', 'passwordLastChanged', 'passwordNextRotation', 'mfaActive', 'accessKeys', 'certificates', 'key.active', 'key.lastRotated', 'key.lastUsed', 'key.lastUsedRegion', 'key.lastUsedService', 'cert.active', 'cert.lastRotated', 'extra', 'missing', 'keys3', 'certs1', 'keyExtra');
  const mutated = fc.tuple(validRow, fc.option(fc.tuple(place, wrong, fc.nat({ max: 1 })), { freq: 2 })).map(([r, change]) => {
    const row = structuredClone(r) as Record<string, unknown> & { accessKeys: Record<string, unknown>[]; certificates: Record<string, unknown>[] };
    if (!change) return row;
    const [where, value, n] = change;
    if (where === 'extra') row.comment = value;
    else if (where === 'missing') delete row.mfaActive;
    else if (where === 'keys3') row.accessKeys.push({ ...row.accessKeys[0] });
    else if (where === 'certs1') row.certificates.pop();
    else if (where === 'keyExtra') (row.accessKeys[n] as Record<string, unknown>).note = value;
    else if (where.startsWith('key.')) (row.accessKeys[n] as Record<string, unknown>)[where.slice(4)] = value;
    else if (where.startsWith('cert.')) (row.certificates[n] as Record<string, unknown>)[where.slice(5)] = value;
    else (row as Record<string, unknown>)[where] = value;
    return row;
  });
  const same = (input: unknown) => {
    const fast = credentialRows.safeParse(input, { reportInput: true });
    const slow = zodRows.safeParse(input, { reportInput: true });
    assert.equal(fast.success, slow.success);
    if (fast.success && slow.success) {
      assert.deepStrictEqual(fast.data, slow.data);
      assert.equal(JSON.stringify(fast.data), JSON.stringify(slow.data), 'same key order');
    } else {
      assert.equal(JSON.stringify(fast.error?.issues), JSON.stringify(slow.error?.issues));
    }
  };

  it('accept, convert and refuse exactly as z.array(credentialRow) does', () => {
    fc.assert(fc.property(fc.array(mutated, { maxLength: 4 }), same), { numRuns: 4000 });
    for (const input of [null, {}, 'rows', [null], [[]], []]) same(input);
  });
});
