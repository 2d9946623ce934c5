import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { RenderedFinding, ScanResult } from '../src/engine/result.js';
import { SEVERITIES, STATUSES } from '../src/engine/types.js';
import { complianceView, frameworkById } from '../src/report/compliance.js';
import { complianceCell, CSV_TEXT, csvField, neutralise, renderCsv, unneutralise } from '../src/report/csv.js';
import { SEVERITY_LABELS, STATUS_LABELS, VERDICT_LABELS } from '../src/report/labels.js';
import type { ReportOptions } from '../src/report/options.js';
import { fixedResult, HOSTILE_POLICY, HOSTILE_USER, MUTE_REASON } from './report-fixture.js';

const OPTIONS: ReportOptions = { color: false, region: 'eu-west-1' };
const COLUMNS = 18;

/** Strict RFC 4180 reading: CRLF records only, no loose quotes, same column count everywhere. */
const read = (text: string): string[][] => parse(text, { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false }) as string[][];
const readBack = (text: string) => read(text).map((row) => row.map(unneutralise));

function expectedRow(f: RenderedFinding, result: ScanResult): string[] {
  const lang = result.scan.lang;
  return [
    f.id,
    f.accountId,
    f.region,
    f.checkId,
    f.title,
    SEVERITY_LABELS[lang][f.severity],
    STATUS_LABELS[lang][f.status],
    f.muted ? CSV_TEXT[lang].yes : CSV_TEXT[lang].no,
    f.muteReason ?? '',
    f.resource.type,
    f.resource.name,
    f.resource.arn,
    f.message,
    f.remediation?.summary ?? '',
    f.remediation?.cli ?? '',
    complianceCell(f.compliance),
    f.evidence.source,
    f.evidence.observedAt ?? '',
  ];
}

/** The fixed result with one finding's texts replaced. */
function withFinding(result: ScanResult, index: number, change: (f: RenderedFinding) => RenderedFinding): ScanResult {
  return { ...result, findings: result.findings.map((f, i) => (i === index ? change(f) : f)) };
}

const en = fixedResult('en');
const nl = fixedResult('nl');

describe('csv reporter', () => {
  it('writes RFC 4180: CRLF after every record, a header and one row per finding', () => {
    const text = renderCsv(en, OPTIONS);
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!text.startsWith('\uFEFF'), 'no byte-order mark');
    const rows = read(text);
    assert.equal(rows.length, en.findings.length + 1);
    for (const row of rows) assert.equal(row.length, COLUMNS);
    assert.deepEqual(rows[0], Object.values(CSV_TEXT.en).slice(0, COLUMNS));
    // Outside quoted fields every line break is CRLF: strip the quoted fields and look.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    assert.doesNotMatch(unquoted, /[^\r]\n|\r[^\n]/);
  });

  it('round-trips every value through csv-parse (after un-neutralising)', () => {
    for (const result of [en, nl]) {
      const rows = readBack(renderCsv(result, OPTIONS));
      assert.deepEqual(rows.slice(1), result.findings.map((f) => expectedRow(f, result)));
    }
  });

  it('covers every status, every severity and the muted finding with its reason', () => {
    const rows = read(renderCsv(en, OPTIONS)).slice(1);
    assert.deepEqual(new Set(rows.map((r) => r[6])), new Set(STATUSES.map((s) => STATUS_LABELS.en[s])));
    assert.deepEqual(new Set(rows.map((r) => r[5])), new Set(SEVERITIES.map((s) => SEVERITY_LABELS.en[s])));
    const muted = rows.filter((r) => r[7] === 'yes');
    assert.equal(muted.length, 1);
    assert.equal(muted[0]?.[8], MUTE_REASON);
    assert.equal(muted[0]?.[3], 'root-access-keys');
  });

  it('writes the compliance mappings as framework-and-item pairs', () => {
    const row = read(renderCsv(en, OPTIONS)).find((r) => r[3] === 'root-mfa');
    assert.equal(row?.[15], 'cis-aws-v5.0.0 1.4; cis-aws-v3.0.0 1.5; aws-securityhub IAM.9; aws-config root-account-mfa-enabled');
    assert.equal(complianceCell({}), '');
    assert.equal(complianceCell({ a: ['1', '2'] }), 'a 1; a 2');
  });

  it('neutralises cells that a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const value = `${start}HYPERLINK("http://evil.example","x")`;
      assert.equal(neutralise(value), `'${value}`);
      assert.equal(unneutralise(neutralise(value)), value);
    }
    assert.equal(neutralise('alice'), 'alice');
    assert.equal(neutralise("it's"), "it's");
    // A value that already starts with quotes before a formula keeps them: one more is added.
    assert.equal(neutralise("'=1+1"), "''=1+1");
    assert.equal(unneutralise(neutralise("'=1+1")), "'=1+1");
    assert.equal(unneutralise("'plain"), "'plain");
    // The formula-named policy from the fixture.
    const text = renderCsv(en, OPTIONS);
    const policy = read(text).find((r) => r[10] === `'${HOSTILE_POLICY}`);
    assert.ok(policy, 'the policy name is written as text');
    assert.equal(policy?.[11], `arn:aws:iam::123456789012:policy/${HOSTILE_POLICY}`, 'an ARN starts with "arn:" and stays as it is');
    // No raw cell starts with a formula character.
    for (const row of read(text)) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
  });

  it('quotes fields with a comma, a quote or a line break, and reads them back exactly', () => {
    const name = 'ops,admin\r\nsecond "line"\nthird';
    const message = '-1 "quoted", and\ra bare CR';
    const result = withFinding(en, 3, (f) => ({ ...f, resource: { ...f.resource, name }, message }));
    const text = renderCsv(result, OPTIONS);
    assert.ok(text.includes(`"${name.replace(/"/g, '""')}"`));
    assert.ok(text.includes(`"'${message.replace(/"/g, '""')}"`), 'neutralised and quoted');
    const rows = readBack(text);
    assert.equal(rows[4]?.[10], name);
    assert.equal(rows[4]?.[12], message);
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('plain'), 'plain');
    // The demo's real `ops,admin` user and the HTML-named user survive unchanged.
    const names = readBack(renderCsv(en, OPTIONS)).map((r) => r[10]);
    assert.ok(names.includes('ops,admin'));
    assert.ok(names.includes(HOSTILE_USER));
  });

  it('writes Dutch headers and Dutch labels for a Dutch result', () => {
    const rows = read(renderCsv(nl, OPTIONS));
    assert.deepEqual(rows[0], ['id', 'account', 'regio', 'controle', 'titel', 'ernst', 'status', 'gedempt', 'reden demping', 'resourcetype', 'resourcenaam', 'resource-ARN', 'melding', 'oplossing', 'CLI-commando', 'compliance', 'bron bewijs', 'tijd bewijs']);
    const rootMfa = rows.find((r) => r[3] === 'root-mfa');
    assert.equal(rootMfa?.[5], 'kritiek');
    assert.equal(rootMfa?.[6], 'VOLDOET NIET');
    assert.equal(rootMfa?.[7], 'nee');
    assert.equal(rootMfa?.[4], nl.checks['root-mfa']?.title);
  });

  it('with --compliance, writes the requirement view instead', () => {
    for (const result of [en, nl]) {
      const lang = result.scan.lang;
      const rows = read(renderCsv(result, { ...OPTIONS, compliance: 'cis-aws-v5.0.0' }));
      const view = complianceView(result, frameworkById('cis-aws-v5.0.0') as NonNullable<ReturnType<typeof frameworkById>>);
      const t = CSV_TEXT[lang];
      assert.deepEqual(rows[0], [t.framework, t.requirement, t.requirementTitle, t.assessment, t.verdict, ...STATUSES.map((s) => STATUS_LABELS[lang][s]), t.muted, t.checks]);
      assert.equal(rows.length, view.requirements.length + 1);
      for (const [i, r] of view.requirements.entries()) {
        assert.deepEqual(rows[i + 1], ['cis-aws-v5.0.0', r.id, r.title, t[r.assessment], VERDICT_LABELS[lang][r.verdict], ...STATUSES.map((s) => String(r.counts[s])), String(r.muted), r.checks.join('; ')]);
      }
    }
    const root = read(renderCsv(en, { ...OPTIONS, compliance: 'cis-aws-v5.0.0' })).find((r) => r[1] === '1.3');
    assert.equal(root?.[10], '1', 'the muted root key is counted as muted, not as a FAIL');
    assert.throws(() => renderCsv(en, { ...OPTIONS, compliance: 'no-such-framework' }), /no framework/);
  });

  it('writes 40,000 findings', () => {
    const findings = Array.from({ length: 40_000 }, (_, i) => {
      const f = en.findings[i % en.findings.length] as RenderedFinding;
      return { ...f, id: i.toString(16).padStart(16, '0') };
    });
    const text = renderCsv({ ...en, findings }, OPTIONS);
    assert.equal(read(text).length, 40_001);
  });
});
