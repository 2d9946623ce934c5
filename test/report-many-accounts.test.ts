import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { CHECKS } from '../src/checks/registry.js';
import { render } from '../src/record/render.js';
import type { ScanResult } from '../src/record/result.js';
import { isManyAccounts, worstFirst } from '../src/report/accounts.js';
import type { AsffFinding } from '../src/report/asff.js';
import { FORMATS, REPORTERS, reportChunks } from '../src/report/index.js';
import { ACCOUNT_TEXT } from '../src/report/labels.js';
import { manyAccountsRecord, manyAccountsResult, OUS } from './builders/many-accounts.js';
import { fixedResult } from './report-fixture.js';

// Every format with many accounts (issue 8 item 6): the roll-up worst first, the accounts that
// could not be assessed with their reasons, the coverage figure, and each finding's account name
// and OU path. The record: 4 assessed accounts in nested OUs and 2 not assessed (builders/many-accounts.ts).

const { record, result } = manyAccountsResult({ accounts: 4, notAssessed: 2 });
const nl = render(record, 'nl', { checks: CHECKS });
const options = { color: false, region: 'us-east-1', record };
const text = (format: (typeof FORMATS)[number], r: ScanResult = result) => REPORTERS[format].render(r, { ...options, record });
const ranked = worstFirst(result);
const [denied, suspended] = result.notAssessed as [ScanResult['notAssessed'][number], ScanResult['notAssessed'][number]];

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const schema = (file: string) => ajv.compile(JSON.parse(readFileSync(new URL(`fixtures/schemas/${file}`, import.meta.url), 'utf8')));

describe('many-account reports', () => {
  it('the builder: named accounts in nested OUs, one denied and one suspended account, coverage 4 of 6', () => {
    assert.equal(result.accounts.length, 4);
    assert.deepEqual(result.coverage, { assessed: 4, inScope: 6 });
    assert.deepEqual(result.accounts[2]?.ouPath, [OUS.production, OUS.web]);
    assert.equal(denied.reason.code, 'AccessDenied');
    assert.match(denied.reason.message, /AccessDenied.*sts:AssumeRole/);
    assert.equal(suspended.reason.code, 'SUSPENDED');
    assert.ok(isManyAccounts(result));
    assert.ok(!isManyAccounts(fixedResult('en')), 'a plain one-account scan stays a one-account scan');
    // Worst first: unmuted critical FAILs, then high FAILs, then ERRORs.
    const key = (a: ScanResult['accounts'][number]) => [a.summary.bySeverity.critical, a.summary.bySeverity.high, a.summary.byStatus.ERROR];
    for (let i = 1; i < ranked.length; i++) {
      const [x, y] = [key(ranked[i - 1] as ScanResult['accounts'][number]), key(ranked[i] as ScanResult['accounts'][number])];
      assert.ok(x[0]! > y[0]! || (x[0] === y[0] && (x[1]! > y[1]! || (x[1] === y[1] && x[2]! >= y[2]!))), `${x} before ${y}`);
    }
    assert.notDeepEqual(ranked.map((a) => a.id), result.accounts.map((a) => a.id), 'the accounts differ, so the order is not scope order');
  });

  it('table: opens with the coverage, the roll-up worst first and the not-assessed accounts with reasons, then findings labelled by account', () => {
    const out = text('table');
    const lines = out.split('\n');
    assert.equal(lines[0], 'aws-lockdown 0.1.0: 6 accounts in scope');
    assert.equal(lines[1], 'Coverage: 4 of 6 accounts assessed (66%)');
    const order = ranked.map((a) => out.indexOf(`│ ${a.id} `));
    assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] as number))), 'roll-up rows in worst-first order');
    assert.ok(out.includes('│ Production / Web │'), 'OU path in words');
    assert.ok(out.includes(`ERROR retired-0 (${denied.id}) [Production]: ${denied.reason.message}`));
    assert.ok(out.includes(`ERROR retired-1 (${suspended.id}) [Production / Web]: SUSPENDED`));
    assert.ok(out.indexOf('Accounts not assessed (2)') < out.indexOf('Summary'), 'the scope comes before the findings');
    assert.match(out, /\n {2}FAIL {3}management \(123456789012\) <root_account>: /);
    assert.ok(!out.includes('account 123456789012 (aws)'), 'no one-account heading');
    const dutch = text('table', nl);
    assert.ok(dutch.includes('Dekking: 4 van 6 accounts beoordeeld (66%)') && dutch.includes('Niet beoordeelde accounts (2)') && dutch.includes('NIET BEOORDEELD retired-0'));
  });

  it('markdown: heading, coverage, the roll-up table and the not-assessed list; bounded however many accounts', () => {
    const out = text('markdown');
    assert.ok(out.startsWith('## aws-lockdown 0.1.0: 6 accounts in scope\n\n**Coverage: 4 of 6 accounts assessed (66%)**\n'));
    const rows = out.split('\n').filter((l) => /^\| `\d{12}`/.test(l));
    assert.deepEqual(
      rows.map((r) => /`(\d{12})`/.exec(r)?.[1]),
      ranked.map((a) => a.id),
    );
    assert.ok(rows.find((r) => r.includes('workload-2'))?.includes('| Production / Web |'));
    assert.ok(out.includes(`- \`${suspended.id}\` retired-1 (Production / Web): SUSPENDED`));
    assert.ok(out.includes('`management/<root_account>`'), 'a resource is named with its account');
    const big = render(manyAccountsRecord({ accounts: 60, notAssessed: 40 }), 'en', { checks: CHECKS });
    const bounded = REPORTERS.markdown.render(big, options);
    assert.ok(bounded.length < 65_536, `${bounded.length} characters`);
    assert.ok(bounded.includes('… and 40 more accounts (see --format csv or html)'));
    assert.ok(bounded.includes('… and 20 more accounts not assessed (see --format json)'));
  });

  it('csv: account name and OU path as the last two columns, a row per not-assessed account', () => {
    const rows = parseCsv(text('csv')) as string[][];
    const header = rows[0] as string[];
    assert.deepEqual(header.slice(-2), ['account name', 'OU path']);
    assert.deepEqual(header.slice(0, -2), (parseCsv(REPORTERS.csv.render(fixedResult('en'), options)) as string[][])[0], 'the one-account columns keep their places');
    const body = rows.slice(1);
    assert.equal(body.length, result.findings.length + 2);
    const byId = new Map(result.accounts.map((a) => [a.id, a]));
    for (const row of body.slice(2)) {
      const a = byId.get(row[1] as string);
      assert.ok(a, row[1]);
      assert.equal(row[18], a.name);
      assert.equal(row[19], a.ouPath?.length ? a.ouPath.map((o) => o.name).join(' / ') : 'Root');
    }
    const na = body.find((r) => r[1] === denied.id) as string[];
    assert.deepEqual([na[4], na[6], na[12], na[18], na[19]], ['Account not assessed', 'ERROR', denied.reason.message, 'retired-0', 'Production']);
    assert.deepEqual((parseCsv(text('csv', nl)) as string[][])[0]?.slice(-2), ['accountnaam', 'OU-pad']);
  });

  it('ocsf: cloud.account.name, cloud.org with the OU, the path in unmapped; an ERROR event per not-assessed account; valid', () => {
    const validate = schema('ocsf-detection-finding-1.3.0.json');
    const events = JSON.parse(text('ocsf')) as { cloud: { account: { uid: string; name?: string }; org?: { ou_uid?: string; ou_name: string } }; status_code: string; unmapped: { ou_path?: unknown; scan_coverage?: unknown } }[];
    assert.equal(events.length, result.findings.length + 2);
    for (const e of events) assert.ok(validate(e), JSON.stringify(validate.errors));
    const web = events.find((e) => e.cloud.account.uid === result.accounts[2]?.id);
    assert.deepEqual(web?.cloud.account.name, 'workload-2');
    assert.deepEqual(web?.cloud.org, { ou_uid: OUS.web.id, ou_name: 'Web' });
    assert.deepEqual(web?.unmapped.ou_path, [OUS.production, OUS.web]);
    assert.deepEqual(web?.unmapped.scan_coverage, { assessed: 4, in_scope: 6 });
    const na = events.filter((e) => e.status_code === 'ERROR' && (e as unknown as { metadata: { event_code: string } }).metadata.event_code === 'account-not-assessed');
    assert.deepEqual(na.map((e) => e.cloud.account.uid), [denied.id, suspended.id]);
  });

  it('asff: account name, OU path and coverage in ProductFields; valid', () => {
    const validate = schema('asff.json');
    const findings = JSON.parse(text('asff')) as AsffFinding[];
    assert.ok(validate(findings), JSON.stringify(validate.errors?.slice(0, 3)));
    const f = findings.find((x) => x.AwsAccountId === result.accounts[2]?.id) as AsffFinding;
    assert.equal(f.ProductFields['aws-lockdown/AccountName'], 'workload-2');
    assert.equal(f.ProductFields['aws-lockdown/OuPath'], 'Production / Web');
    assert.equal(f.ProductFields['aws-lockdown/OuIds'], `${OUS.production.id}/${OUS.web.id}`);
    assert.equal(f.ProductFields['aws-lockdown/ScanCoverage'], '4/6');
    const one = JSON.parse(REPORTERS.asff.render(fixedResult('en'), options)) as AsffFinding[];
    assert.ok(one.every((x) => !('aws-lockdown/AccountName' in x.ProductFields) && !('aws-lockdown/ScanCoverage' in x.ProductFields)), 'nothing new for one account');
  });

  it('sarif: account name and OU path in result properties, a notification per not-assessed account, coverage; valid', () => {
    const validate = schema('sarif-2.1.0.json');
    const log = JSON.parse(text('sarif')) as Log;
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const run = log.runs[0] as NonNullable<Log['runs'][number]>;
    assert.equal(run.automationDetails?.id, 'aws-lockdown/many-accounts/');
    assert.deepEqual(run.properties?.coverage, { assessed: 4, inScope: 6 });
    const r = run.results?.find((x) => x.properties?.accountId === result.accounts[2]?.id);
    assert.deepEqual([r?.properties?.accountName, r?.properties?.ouPath], ['workload-2', 'Production / Web']);
    const notes = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    assert.deepEqual(
      notes.map((n) => [n.level, n.properties?.accountId, n.properties?.code]),
      [
        ['error', denied.id, 'AccessDenied'],
        ['error', suspended.id, 'SUSPENDED'],
      ],
    );
    assert.match(notes[1]?.message.text ?? '', /^Account not assessed: retired-1 \(\d{12}\): SUSPENDED$/);
    assert.ok(!(run.tool.driver.rules ?? []).some((rule) => rule.help?.text.includes('123456789012')), 'check-level help names no one account');
  });

  it('junit: a test case in error per not-assessed account, each case named by its account, with its OU path', () => {
    const xml = text('junit');
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { testsuites: { name: string; errors: string; tests: string; testsuite: { name: string; errors: string; testcase: { name: string; error?: { type: string; message: string }; properties?: { property: { name: string; value: string }[] } }[] }[] } };
    assert.equal(doc.testsuites.name, 'aws-lockdown 0.1.0: Coverage: 4 of 6 accounts assessed (66%)');
    const na = doc.testsuites.testsuite.find((s) => s.name === 'accounts-not-assessed');
    assert.equal(na?.errors, '2');
    assert.deepEqual(na?.testcase.map((c) => [c.name, c.error?.type]), [
      [`retired-0 (${denied.id})`, 'AccessDenied'],
      [`retired-1 (${suspended.id})`, 'SUSPENDED'],
    ]);
    assert.equal(Number(doc.testsuites.tests), result.findings.length + 2);
    const failing = doc.testsuites.testsuite.flatMap((s) => (Array.isArray(s.testcase) ? s.testcase : [s.testcase])).find((c) => c.name.startsWith('workload-2 (') && c.properties);
    assert.deepEqual(failing?.properties?.property.find((p) => p.name === 'ouPath')?.value, 'Production / Web');
  });

  it('json: accounts with name, OU path and summary, notAssessed with reasons, coverage', () => {
    const json = JSON.parse(text('json')) as ScanResult;
    assert.deepEqual(json.coverage, { assessed: 4, inScope: 6 });
    assert.deepEqual(json.notAssessed.map((n) => [n.id, n.reason.code]), [
      [denied.id, 'AccessDenied'],
      [suspended.id, 'SUSPENDED'],
    ]);
    assert.deepEqual(json.accounts[2]?.ouPath, [OUS.production, OUS.web]);
    assert.equal(json.accounts[2]?.summary.bySeverity.critical, result.accounts[2]?.summary.bySeverity.critical);
  });

  it('html: coverage in the header, the accounts worst first, the not-assessed list and the account × check matrix', () => {
    const html = text('html');
    assert.match(html, /<title>aws-lockdown: 6 accounts \(2026-11-20 10:00 UTC\)<\/title>/);
    assert.ok(html.includes('<dd id="coverage" class="warn">4 of 6 accounts assessed (66%)</dd>'));
    const table = html.slice(html.indexOf('id="account-table"'), html.indexOf('</table>', html.indexOf('id="account-table"')));
    assert.deepEqual([...table.matchAll(/<tr data-account="(\d+)"/g)].map((m) => m[1]), ranked.map((a) => a.id));
    assert.ok(table.includes(`data-ous="${OUS.production.id} ${OUS.web.id}"`));
    const na = html.slice(html.indexOf('id="not-assessed"'));
    assert.ok(na.includes(`<td>${denied.id}</td>`) && na.includes('<td><code>SUSPENDED</code></td>'));
    // The matrix: one cell per account and failing check, the number of its unmuted FAILs.
    const matrix = html.slice(html.indexOf('id="matrix"'), html.indexOf('</table>', html.indexOf('id="matrix"')));
    const columns = [...matrix.matchAll(/data-check="([^"]+)"/g)].map((m) => m[1] as string);
    const fails = result.findings.filter((f) => f.status === 'FAIL' && !f.muted);
    assert.deepEqual(new Set(columns), new Set(fails.map((f) => f.checkId)));
    const firstRow = /<tr data-account="(\d+)"[^>]*><th>[^<]*<\/th>(.*?)<\/tr>/.exec(matrix);
    const cells = [...(firstRow?.[2] ?? '').matchAll(/<td[^>]*>(\d*)<\/td>/g)].map((m) => Number(m[1] || 0));
    assert.deepEqual(cells, columns.map((c) => fails.filter((f) => f.accountId === firstRow?.[1] && f.checkId === c).length));
    const dutch = text('html', nl);
    assert.ok(dutch.includes('Beveiligingsrapport voor 6 AWS-accounts') && dutch.includes('4 van 6 accounts beoordeeld (66%)') && dutch.includes('Niet beoordeelde accounts (2)'));
  });

  it('only not-assessed accounts: every format still renders, with coverage 0 of 1', () => {
    const none = render(manyAccountsRecord({ accounts: 0, notAssessed: 1 }), 'en', { checks: CHECKS });
    assert.deepEqual(none.coverage, { assessed: 0, inScope: 1 });
    for (const format of FORMATS) assert.ok(REPORTERS[format].render(none, options).length > 0, format);
    assert.ok(REPORTERS.table.render(none, options).includes('Coverage: 0 of 1 accounts assessed (0%)'));
    assert.ok(REPORTERS.markdown.render(none, options).includes('### Accounts not assessed (1)'));
  });

  it('the pieces of every chunked format join to exactly its text', () => {
    for (const format of FORMATS) {
      for (const r of [result, fixedResult('en')]) assert.equal([...reportChunks(format, r, options)].join(''), REPORTERS[format].render(r, options), format);
    }
  });

  it('all the words are in both catalogues', () => {
    assert.deepEqual(Object.keys(ACCOUNT_TEXT.nl).sort(), Object.keys(ACCOUNT_TEXT.en).sort());
  });
});

describe('compliance with accounts not assessed', () => {
  it('a requirement that passes in every assessed account is ERROR while an account in scope was not assessed', async () => {
    const { complianceView, frameworkById } = await import('../src/report/compliance.js');
    const framework = frameworkById('aws-securityhub');
    assert.ok(framework);
    const assessedOnly = render(manyAccountsRecord({ accounts: 2, notAssessed: 0 }), 'en', { checks: CHECKS });
    const withGap = render(manyAccountsRecord({ accounts: 2, notAssessed: 1 }), 'en', { checks: CHECKS });
    const before = complianceView(assessedOnly, framework);
    const after = complianceView(withGap, framework);
    assert.ok(before.totals.PASS > 0, 'some requirements pass in the assessed accounts');
    assert.equal(after.totals.PASS, 0, 'none passes while an account is missing');
    assert.equal(after.totals.FAIL, before.totals.FAIL, 'a FAIL stays a FAIL');
    for (const [i, r] of after.requirements.entries()) {
      const was = before.requirements[i]?.verdict;
      assert.equal(r.verdict, was === 'PASS' || was === 'NOT_APPLICABLE' ? 'ERROR' : was, r.id);
    }
  });
});
