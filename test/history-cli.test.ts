import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FORMATS } from '../src/report/formats.js';
import { runMain, type Run } from './run-main.js';
import { startPostgres, type TestPostgres } from './store-postgres.js';

// Issue 9 item 2 end to end, in this process: scan → scan again after the evidence changed →
// history, diff (every format), --fail-on-new exit codes, report (every format, en and nl),
// rescan, prune, export/import; and bad input: unknown scan, ambiguous prefix, a corrupt database
// file, an unreachable PostgreSQL.

const tmp = mkdtempSync(join(tmpdir(), 'lockdown-history-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const DB = join(tmp, 'store.db');
const env = { PATH: process.env.PATH ?? '', HOME: tmp, LOCKDOWN_DB: DB, AWS_EC2_METADATA_DISABLED: 'true' };
const lockdown = (args: string[], extra: Record<string, string> = {}): Promise<Run> => runMain(args, { ...env, ...extra });

const demo = JSON.parse(readFileSync(new URL('../demo/insecure-account.evidence.json', import.meta.url), 'utf8')) as {
  parts: { passwordPolicy: { data: Record<string, unknown> }; serverCertificates: { data: { name: string; arn: string; expiration: string; uploadDate: string }[] } };
};
const EV1 = join(tmp, 'ev1.json');
const EV2 = join(tmp, 'ev2.json');
writeFileSync(EV1, JSON.stringify(demo));
// The second day: the minimum length fixed (resolved), numbers no longer required (regressed), the
// expired certificate deleted (resolved: gone) and another expired one uploaded (new).
const changed = structuredClone(demo);
changed.parts.passwordPolicy.data.minimumPasswordLength = 14;
changed.parts.passwordPolicy.data.requireNumbers = false;
changed.parts.serverCertificates.data = [
  ...changed.parts.serverCertificates.data.filter((c) => c.name !== 'shop-example-nl-2024'),
  { name: 'legacy-example-nl', arn: 'arn:aws:iam::123456789012:server-certificate/legacy-example-nl', expiration: '2026-09-01T10:00:00.000Z', uploadDate: '2025-09-01T10:00:00.000Z' },
];
writeFileSync(EV2, JSON.stringify(changed));

const oneLine = (run: Run) => {
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, /^lockdown: /);
  assert.doesNotMatch(run.stderr, /\n\s+at |Error:/);
};

interface DiffJson {
  before: { id: string }[];
  after: { id: string };
  headline: { new: number; regressed: number; resolved: number };
  new: { checkId: string; resource: { name: string }; message: string; why: string[] }[];
  regressed: { checkId: string; why: string[] }[];
  resolved: { checkId: string; resource: { name: string }; why: string[] }[];
  changed: unknown[];
}

let first: string;
let second: string;
let firstTable: Run;
let secondTable: Run;

describe('history commands', () => {
  before(async () => {
    firstTable = await lockdown(['scan', '--evidence', EV1, '--format', 'table']);
    secondTable = await lockdown(['scan', '--evidence', EV2, '--format', 'table']);
    const list = JSON.parse((await lockdown(['history', '--json'])).stdout) as { scans: { id: string }[] };
    [second, first] = list.scans.map((s) => s.id) as [string, string];
  });

  it('stores every scan and starts its table with what changed since the last one', () => {
    assert.equal(firstTable.code, 0, firstTable.stderr);
    assert.match(firstTable.stdout, /^first stored scan of account 123456789012: nothing earlier to compare with\naws-lockdown /);
    assert.equal(secondTable.code, 0, secondTable.stderr);
    assert.match(secondTable.stdout, /^since the last scan \(\d{4}-\d{2}-\d{2}\): 1 new, 1 regressed, 2 resolved\naws-lockdown /i);
    assert.ok(first && second && first !== second);
  });

  it('says it in Dutch, with the date the Dutch way', async () => {
    const run = await lockdown(['scan', '--evidence', EV2, '--format', 'table', '--lang', 'nl', '--no-store', '--baseline', first]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^[Ss]inds de vorige scan \(\d{1,2} [a-z]+ \d{4}\): 1 nieuw, 1 verslechterd, 2 opgelost\n/);
  });

  it('lists the scans with their counts and the change since the previous one', async () => {
    const table = await lockdown(['history']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, new RegExp(`${second.slice(0, 8)}.*1 new, 1 regressed, 2 resolved`));
    assert.match(table.stdout, new RegExp(`${first.slice(0, 8)}.*first scan`));
    const json = JSON.parse((await lockdown(['history', '--json', '--account', '123456789012', '--limit', '1'])).stdout) as { scans: { id: string; sincePrevious: Record<string, unknown> }[] };
    assert.equal(json.scans.length, 1);
    assert.deepEqual(json.scans[0]?.sincePrevious['123456789012'], { previousScanId: first, new: 1, regressed: 1, resolved: 2 });
    const nl = await lockdown(['history', '--lang', 'nl']);
    assert.match(nl.stdout, /1 nieuw, 1 verslechterd, 2 opgelost/);
    assert.match(nl.stdout, /eerste scan/);
  });

  it('diffs the last two scans of the account by default, and any two by id, prefix, last~N or file', async () => {
    const run = await lockdown(['diff', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const diff = JSON.parse(run.stdout) as DiffJson;
    assert.deepEqual(diff.before.map((s) => s.id), [first]);
    assert.equal(diff.after.id, second);
    assert.deepEqual(diff.headline, { new: 1, regressed: 1, resolved: 2 });
    assert.deepEqual(diff.new.map((e) => [e.checkId, e.resource.name]), [['server-certificates-expired', 'legacy-example-nl']]);
    assert.match(diff.new[0]?.message ?? '', /legacy-example-nl/);
    assert.deepEqual(diff.regressed.map((e) => [e.checkId, e.why]), [['password-policy-numbers', ['worse']]]);
    assert.deepEqual(diff.resolved.map((e) => [e.checkId, e.why]).sort(), [['password-policy-min-length', ['fixed']], ['server-certificates-expired', ['gone']]]);
    for (const refs of [['last~1', 'last'], [first, second], [first.slice(0, 6), second.slice(0, 6)], [second]]) {
      const again = await lockdown(['diff', ...refs, '--format', 'json']);
      assert.equal(again.code, 0, `${refs.join(' ')}: ${again.stderr}`);
      assert.deepEqual((JSON.parse(again.stdout) as DiffJson).headline, diff.headline, refs.join(' '));
    }
    // A saved JSON result on either side: compared by id, its words kept.
    const saved = join(tmp, 'day1.json');
    assert.equal((await lockdown(['scan', '--evidence', EV1, '--format', 'json', '--output', saved, '--no-store'])).code, 0);
    const withFile = JSON.parse((await lockdown(['diff', saved, 'last', '--format', 'json'])).stdout) as DiffJson;
    assert.deepEqual(withFile.headline, diff.headline);
    assert.deepEqual(withFile.changed, [], 'a result file names no check versions: nothing "changed" for that');
  });

  it('renders a diff as a table, Markdown and HTML, in English and Dutch', async () => {
    const table = await lockdown(['diff', 'last~1', 'last', '--format', 'table']);
    assert.match(table.stdout, /^aws-lockdown diff: scan \w{8} .* → scan \w{8} /);
    assert.match(table.stdout, /1 new, 1 regressed, 2 resolved, 0 changed, \d+ unchanged/);
    assert.match(table.stdout, /New \(1\)\n.*server-certificates-expired legacy-example-nl/);
    assert.match(table.stdout, /Regressed: failing again \(1\)\n.*password-policy-numbers.*\[was PASS\]/);
    assert.match(table.stdout, /the resource is gone/);
    const md = await lockdown(['diff', 'last~1', 'last', '--format', 'markdown', '--lang', 'nl']);
    assert.match(md.stdout, /^### aws-lockdown diff/);
    assert.match(md.stdout, /#### Nieuw \(1\)/);
    assert.match(md.stdout, /#### Verslechterd: voldoet weer niet \(1\)/);
    const out = join(tmp, 'diff.html');
    const page = await lockdown(['diff', 'last~1', 'last', '--format', 'html', '--output', out]);
    assert.equal(page.code, 0, page.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    assert.match(html, /legacy-example-nl/);
    assert.doesNotMatch(html, /<script/);
  });

  it('--fail-on-new exits 1 only for new or regressed unmuted FAIL/ERROR at or above the severity', async () => {
    const medium = await lockdown(['scan', '--evidence', EV2, '--no-store', '--fail-on-new', 'medium', '--baseline', first, '--format', 'json']);
    assert.equal(medium.code, 1, medium.stderr);
    assert.match(medium.stderr, /--fail-on-new medium: 2 new or regressed findings at or above medium: .*server-certificates-expired \(legacy-example-nl\)/);
    const high = await lockdown(['scan', '--evidence', EV2, '--no-store', '--fail-on-new', 'high', '--baseline', first, '--format', 'json']);
    assert.equal(high.code, 0, high.stderr);
    // Default baseline: the previous stored scan of the account (the second one, identical).
    const same = await lockdown(['scan', '--evidence', EV2, '--no-store', '--fail-on-new', 'info', '--format', 'json']);
    assert.equal(same.code, 0, same.stderr);
    // Against a saved result file.
    const saved = join(tmp, 'day1-baseline.json');
    await lockdown(['scan', '--evidence', EV1, '--format', 'json', '--output', saved, '--no-store']);
    assert.equal((await lockdown(['scan', '--evidence', EV2, '--no-store', '--fail-on-new', 'low', '--baseline', saved, '--format', 'json'])).code, 1);
    // No earlier scan at all: every finding is new, and it says so.
    const empty = await lockdown(['scan', '--evidence', EV1, '--fail-on-new', 'critical', '--format', 'json'], { LOCKDOWN_DB: join(tmp, 'empty.db') });
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /no earlier scan of 123456789012 in .*empty\.db, so every finding there counts as new/);
    // --fail-on still sees everything; --no-store kept the history at two scans.
    assert.equal((JSON.parse((await lockdown(['history', '--json'])).stdout) as { scans: unknown[] }).scans.length, 2);
    const bad = await lockdown(['scan', '--evidence', EV2, '--fail-on-new', 'severe']);
    assert.equal(bad.code, 2);
    oneLine(bad);
    assert.match(bad.stderr, /--fail-on-new: 'severe' is not one of critical, high, medium, low, info/);
  });

  it('does not store --demo unless asked', async () => {
    const db = join(tmp, 'demo.db');
    assert.equal((await lockdown(['scan', '--demo', '--format', 'json'], { LOCKDOWN_DB: db })).code, 0);
    assert.match((await lockdown(['history'], { LOCKDOWN_DB: db })).stdout, /no stored scans/i);
    assert.equal((await lockdown(['scan', '--demo', '--store', '--format', 'json'], { LOCKDOWN_DB: db })).code, 0);
    assert.equal((JSON.parse((await lockdown(['history', '--json'], { LOCKDOWN_DB: db })).stdout) as { scans: unknown[] }).scans.length, 1);
  });

  it('re-renders a stored scan in every format and both languages', async () => {
    for (const format of FORMATS) {
      for (const lang of ['en', 'nl']) {
        const run = await lockdown(['report', first.slice(0, 8), '--format', format, '--lang', lang]);
        assert.equal(run.code, 0, `${format} ${lang}: ${run.stderr}`);
        assert.ok(run.stdout.length > 200, `${format} ${lang}`);
      }
    }
    const json = JSON.parse((await lockdown(['report', 'last', '--format', 'json', '--lang', 'nl'])).stdout) as { scan: { id: string; lang: string }; findings: { title: string }[] };
    assert.equal(json.scan.id, second);
    assert.equal(json.scan.lang, 'nl');
    const scanned = JSON.parse((await lockdown(['scan', '--evidence', EV2, '--format', 'json', '--lang', 'nl', '--no-store'])).stdout) as typeof json;
    assert.deepEqual(json.findings.map((f) => f.title), scanned.findings.map((f) => f.title), 'the same words as the scan gave');
    assert.match((await lockdown(['report', 'last', '--format', 'table', '--lang', 'nl'])).stdout, /VOLDOET NIET/);
  });

  it('rescans stored evidence with today’s checks as a new scan that says what it rescans', async () => {
    const run = await lockdown(['rescan', first, '--format', 'table']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^against scan \w{8} \(\d{4}-\d{2}-\d{2}\) as it was judged then: 0 new, 0 regressed, 0 resolved, 0 changed\n/);
    assert.match(run.stderr, new RegExp(`Rescan of scan ${first} .*stored as scan [0-9a-f-]{36}`));
    const report = JSON.parse((await lockdown(['report', 'last', '--format', 'json'])).stdout) as { scan: { rescanOf?: string; source: string } };
    assert.equal(report.scan.rescanOf, first);
    assert.equal(report.scan.source, 'evidence');
    assert.match((await lockdown(['history', '--limit', '1'])).stdout, new RegExp(`evidence, rescan of ${first.slice(0, 8)}`));
    const notKept = await lockdown(['rescan', first, '--no-store', '--format', 'json']);
    assert.equal(notKept.code, 0);
    assert.equal((JSON.parse((await lockdown(['history', '--json'])).stdout) as { scans: unknown[] }).scans.length, 3);
  });

  it('exports a scan as a file and imports it into another store', async () => {
    const file = join(tmp, 'export.json');
    const exported = await lockdown(['history', 'export', second, '--output', file]);
    assert.equal(exported.code, 0, exported.stderr);
    const other = join(tmp, 'other.db');
    const imported = await lockdown(['--db', other, 'history', 'import', file]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, new RegExp(`Imported scan ${second} into .*other\\.db`));
    const there = await lockdown(['report', second, '--format', 'json', '--db', other]);
    const here = await lockdown(['report', second, '--format', 'json']);
    assert.equal(there.stdout, here.stdout, 'the same report from either store');
    // An export is also a side of a diff.
    assert.equal((JSON.parse((await lockdown(['diff', file, second, '--format', 'json'])).stdout) as DiffJson).headline.new, 0);
    const twice = await lockdown(['history', 'import', file, '--db', other]);
    assert.equal(twice.code, 2);
    oneLine(twice);
    // The file is read as every JSON input is: a key given twice and a syntax error are one line naming it.
    const text = readFileSync(file, 'utf8');
    const repeated = join(tmp, 'repeated-key.json');
    writeFileSync(repeated, text.replace('{"schema":', '{"schema":"x","schema":'));
    const twiceKey = await lockdown(['history', 'import', repeated, '--db', join(tmp, 'third.db')]);
    assert.equal(twiceKey.code, 2);
    oneLine(twiceKey);
    assert.match(twiceKey.stderr, /repeated-key\.json/);
    assert.match(twiceKey.stderr, /"schema"|schema/);
    const broken = join(tmp, 'broken-export.json');
    writeFileSync(broken, text.slice(0, 200));
    const cut = await lockdown(['history', 'import', broken, '--db', join(tmp, 'third.db')]);
    assert.equal(cut.code, 2);
    oneLine(cut);
    assert.match(cut.stderr, /broken-export\.json.*line 1/);
  });

  it('stores an organisation scan with every account\'s evidence (spooled as each account is judged), so rescan judges it again', async () => {
    const dir = join(tmp, 'saved-org');
    mkdirSync(dir, { recursive: true });
    const text = JSON.stringify(demo);
    const ids = ['123456789012', '210987654321'];
    for (const id of ids) writeFileSync(join(dir, `${id}.evidence.json`), text.replaceAll('123456789012', id));
    const place = (i: number) => ({ name: `account-${i}`, email: null, ouPath: [{ id: 'ou-ab12-prod0001', name: 'Production' }], via: null });
    writeFileSync(
      join(dir, 'lockdown-scope.json'),
      JSON.stringify({ schema: 'aws-lockdown/scope@1', accounts: ids.map((id, i) => ({ id, partition: 'aws', file: `${id}.evidence.json`, ...place(i) })), notAssessed: [] }),
    );
    const db = join(tmp, 'org.db');
    const scanned = await lockdown(['scan', '--evidence', dir, '--format', 'json'], { LOCKDOWN_DB: db });
    assert.ok(scanned.code === 0 || scanned.code === 1, scanned.stderr);
    const rescan = await lockdown(['rescan', 'last', '--format', 'json'], { LOCKDOWN_DB: db });
    assert.equal(rescan.code, 0, rescan.stderr);
    const listed = JSON.parse((await lockdown(['history', '--json'], { LOCKDOWN_DB: db })).stdout) as { scans: { accounts: { accountId: string }[]; rescanOf: string | null }[] };
    assert.equal(listed.scans.length, 2);
    assert.ok(listed.scans[0]?.rescanOf, 'the newest is the rescan');
    assert.deepEqual(listed.scans[0]?.accounts.map((a) => a.accountId).sort(), ids);
    const diff = JSON.parse((await lockdown(['diff', 'last~1', 'last', '--format', 'json'], { LOCKDOWN_DB: db })).stdout) as DiffJson;
    assert.deepEqual(diff.headline, { new: 0, regressed: 0, resolved: 0 }, 'the same evidence judged again');
  });

  it('prunes to the newest N scans per account', async () => {
    const db = join(tmp, 'prune.db');
    for (const ev of [EV1, EV2, EV1]) await lockdown(['scan', '--evidence', ev, '--format', 'json'], { LOCKDOWN_DB: db });
    const pruned = await lockdown(['history', 'prune', '--keep', '1'], { LOCKDOWN_DB: db });
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.match(pruned.stdout, /Deleted 2 scans from .*prune\.db/);
    assert.equal((JSON.parse((await lockdown(['history', '--json'], { LOCKDOWN_DB: db })).stdout) as { scans: unknown[] }).scans.length, 1);
    assert.match((await lockdown(['history', 'prune', '--older-than', '3650'], { LOCKDOWN_DB: db })).stdout, /No scan deleted/);
    for (const args of [['history', 'prune'], ['history', 'prune', '--keep', '1', '--older-than', '3'], ['history', 'prune', '--keep', '0'], ['history', 'prune', '--keep', 'x']]) {
      const run = await lockdown(args, { LOCKDOWN_DB: db });
      assert.equal(run.code, 2, args.join(' '));
      oneLine(run);
    }
  });

  it('refuses bad input with exit 2 or 3 and one clear line', async () => {
    const unknown = await lockdown(['report', 'ffffffffffff']);
    assert.equal(unknown.code, 2);
    oneLine(unknown);
    assert.match(unknown.stderr, /no scan 'ffffffffffff'/);

    // Two scans whose ids share a prefix: imported with made-up ids.
    const doc = JSON.parse(readFileSync(join(tmp, 'export.json'), 'utf8')) as { record: { scan: { id: string } } };
    const db = join(tmp, 'ambiguous.db');
    for (const id of ['abcd1111-0000-4000-8000-000000000001', 'abcd2222-0000-4000-8000-000000000002']) {
      doc.record.scan.id = id;
      const file = join(tmp, `${id}.json`);
      writeFileSync(file, JSON.stringify(doc));
      assert.equal((await lockdown(['history', 'import', file], { LOCKDOWN_DB: db })).code, 0);
    }
    const ambiguous = await lockdown(['diff', 'abcd', 'last', '--format', 'json'], { LOCKDOWN_DB: db });
    assert.equal(ambiguous.code, 2);
    oneLine(ambiguous);
    assert.match(ambiguous.stderr, /'abcd' matches 2 scans/);

    const corrupt = join(tmp, 'corrupt.db');
    writeFileSync(corrupt, 'this is not a database, just text long enough to look like one'.repeat(100));
    const broken = await lockdown(['history', '--db', corrupt]);
    assert.equal(broken.code, 2);
    oneLine(broken);
    assert.match(broken.stderr, /corrupt\.db/);
    // A scan into a broken store still writes its report, then says why it was not kept.
    const scan = await lockdown(['scan', '--evidence', EV1, '--format', 'json', '--db', corrupt]);
    assert.equal(scan.code, 2);
    assert.ok(JSON.parse(scan.stdout));
    oneLine(scan);

    const pg = await lockdown(['history', '--db', 'postgres://lockdown:secret@127.0.0.1:1/x']);
    assert.equal(pg.code, 3);
    oneLine(pg);
    assert.doesNotMatch(pg.stderr, /secret/);

    const notResult = join(tmp, 'not-a-result.json');
    writeFileSync(notResult, '{"hello": 1}');
    const file = await lockdown(['diff', notResult, 'last']);
    assert.equal(file.code, 2);
    oneLine(file);
    assert.match(file.stderr, /not-a-result\.json: not an aws-lockdown JSON result or scan export: schemaVersion is missing/);

    const onlyOne = await lockdown(['diff'], { LOCKDOWN_DB: join(tmp, 'demo.db') });
    assert.equal(onlyOne.code, 2);
    oneLine(onlyOne);
    assert.match(onlyOne.stderr, /only one stored scan of 123456789012/);

    const format = await lockdown(['diff', '--format', 'csv']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format: 'csv' is not one of table, json, markdown, html/);
  });
});

describe('history commands on PostgreSQL', () => {
  let pg: TestPostgres;
  let url: string;
  before(async () => {
    pg = await startPostgres();
    url = await pg.database();
  });
  after(() => pg?.stop());

  it('scan, scan again, history, diff, report, rescan, export and import work the same', async () => {
    const on = { LOCKDOWN_DB: url };
    assert.equal((await lockdown(['scan', '--evidence', EV1, '--format', 'json'], on)).code, 0);
    const again = await lockdown(['scan', '--evidence', EV2, '--format', 'table', '--fail-on-new', 'medium'], on);
    assert.equal(again.code, 1, again.stderr);
    assert.match(again.stdout, /^since the last scan \(\d{4}-\d{2}-\d{2}\): 1 new, 1 regressed, 2 resolved\n/);
    const diff = JSON.parse((await lockdown(['diff', '--format', 'json'], on)).stdout) as DiffJson;
    assert.deepEqual(diff.headline, { new: 1, regressed: 1, resolved: 2 });
    assert.match((await lockdown(['history'], on)).stdout, /1 new, 1 regressed, 2 resolved/);
    assert.equal((await lockdown(['report', 'last~1', '--format', 'html', '--lang', 'nl'], on)).code, 0);
    assert.equal((await lockdown(['rescan', 'last', '--format', 'json'], on)).code, 0);
    const file = join(tmp, 'pg-export.json');
    assert.equal((await lockdown(['history', 'export', 'last', '--output', file], on)).code, 0);
    assert.equal((await lockdown(['history', 'import', file], { LOCKDOWN_DB: join(tmp, 'from-pg.db') })).code, 0);
  });
});

describe('commands that only read do not create a store', () => {
  it('history, diff and report on a missing store file', async () => {
    const none = join(tmp, 'nowhere', 'store.db');
    const history = await lockdown(['history', '--db', none]);
    assert.equal(history.code, 0, history.stderr);
    assert.match(history.stdout, /no stored scans in .*nowhere/i);
    for (const args of [['diff'], ['report', 'last'], ['rescan', 'last'], ['history', 'export', 'last'], ['history', 'prune', '--keep', '1']]) {
      const run = await lockdown([...args, '--db', none]);
      assert.equal(run.code, 2, args.join(' '));
      oneLine(run);
      assert.match(run.stderr, /there is no store there yet/);
    }
    // --no-store with --fail-on-new and no store: no earlier scan, every finding new; nothing created.
    const scan = await lockdown(['scan', '--evidence', EV1, '--no-store', '--fail-on-new', 'critical', '--format', 'json', '--db', none]);
    assert.equal(scan.code, 1, scan.stderr);
    assert.match(scan.stderr, /no earlier scan of 123456789012 in .*nowhere/);
    assert.equal(existsSync(none), false);
  });
});
