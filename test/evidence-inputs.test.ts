import { inputError as expectInputError } from './builders/input-error.js';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadEvidence } from '../src/evidence/load.js';
import { EVIDENCE_FILE_LIMIT } from '../src/evidence/read-input.js';
import type { Part, PartError } from '../src/evidence/schema.js';
import { serializeEvidence } from '../src/evidence/serialize.js';

// Evidence inputs as real tools and careless hands produce them (issues 10 and 11): duplicate
// report rows, truncated CLI exports, boto3-saved reports, console CSVs with odd file times,
// answers saved under another call's name, PowerShell encodings and files that are not files.

const FIXTURES = fileURLToPath(new URL('./fixtures/cli-export/', import.meta.url));
const V2 = join(FIXTURES, 'v2');
const REPORT_CSV = readFileSync(join(FIXTURES, 'credential-report.csv'), 'utf8');
const [HEADER = '', ROOT = '', ALICE = '', CI = ''] = REPORT_CSV.trim().split('\n');

const scratch = mkdtempSync(join(tmpdir(), 'lockdown-inputs-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const tempPath = (name: string) => join(mkdtempSync(join(scratch, `${counter++}-`)), name);

function file(name: string, content: string | Buffer): string {
  const path = tempPath(name);
  writeFileSync(path, content);
  return path;
}

function exportFolder(changes: Record<string, string | Buffer | null> = {}): string {
  const dir = tempPath('export');
  cpSync(V2, dir, { recursive: true });
  for (const [name, content] of Object.entries(changes)) {
    rmSync(join(dir, name), { force: true });
    if (content !== null) writeFileSync(join(dir, name), content);
  }
  return dir;
}

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(V2, name), 'utf8'));
// The AWS CLI prints JSON indented by four spaces.
const cli = (json: unknown) => `${JSON.stringify(json, null, 4)}\n`;
const base64 = (csv: string) => Buffer.from(csv).toString('base64');

/** The shared InputError expectation, and the message is one line. */
function inputError(fn: () => unknown, ...fragments: string[]): string {
  const message = expectInputError(fn, ...fragments);
  assert.ok(!message.includes('\n'), 'one line');
  return message;
}

function partError(part: Part<unknown> | undefined): PartError {
  assert.ok(part, 'part is missing');
  assert.ok(!part.ok, `expected an error part, got data ${JSON.stringify(part.ok && part.data)}`);
  return part.error;
}

describe('a user on two rows of a credential report is refused, naming both lines', () => {
  // alice's second row says she has no MFA: neither row can be picked.
  const aliceNoMfa = ALICE.replace(',2026-11-30T10:00:00+00:00,true,', ',2026-11-30T10:00:00+00:00,false,');

  it('console CSV', () => {
    const path = file('status_reports_2026-11-20T10_00_00.csv', [HEADER, ROOT, ALICE, CI, aliceNoMfa].join('\n'));
    inputError(() => loadEvidence(path), path, 'user alice is listed twice (line 3 and line 5)');
  });

  it('a harmless-looking root row before the real one, in get-credential-report JSON', () => {
    // The second root row has an active access key; the first, clean one must not be judged alone.
    const rootWithKey = ROOT.replace(',true,false,N/A,N/A,N/A,N/A,', ',true,true,2019-03-04T09:20:00+00:00,2026-11-19T10:00:00+00:00,us-east-1,iam,');
    assert.notEqual(rootWithKey, ROOT);
    const path = file('credential-report.json', cli({ Content: base64([HEADER, ROOT, rootWithKey, ALICE].join('\n')), ReportFormat: 'text/csv', GeneratedTime: '2026-11-20T09:58:31+00:00' }));
    inputError(() => loadEvidence(path), path, 'user <root_account> is listed twice (line 2 and line 3)');
  });

  it('in an export folder, naming the file', () => {
    const dir = exportFolder({ 'iam-get-credential-report.json': cli({ ...fixture('iam-get-credential-report.json'), Content: base64([HEADER, ROOT, ALICE, CI, ROOT].join('\n')) }) });
    inputError(() => loadEvidence(dir), join(dir, 'iam-get-credential-report.json'), '<root_account>', 'line 2 and line 5');
  });

  it('a user listed twice in authorization details is refused, naming the file and the user', () => {
    const details = fixture('iam-get-account-authorization-details.json') as { UserDetailList: unknown[] };
    const dir = exportFolder({ 'iam-get-account-authorization-details.json': cli({ ...details, UserDetailList: [...details.UserDetailList, details.UserDetailList[0]] }) });
    inputError(() => loadEvidence(dir), join(dir, 'iam-get-account-authorization-details.json'), '"alice" is listed twice');
  });

  it('line numbers are the lines of the file, blank lines included', () => {
    const path = file('report.csv', `${[HEADER, ROOT, '', ALICE, '', aliceNoMfa].join('\r\n')}\r\n`);
    inputError(() => loadEvidence(path), 'line 4 and line 6');
  });
});

describe('a truncated AWS CLI export is an ERROR for its part, never judged as complete', () => {
  // `--max-items 1` leaves the CLI's own resume token; `--no-paginate` leaves the API's markers.
  const cliToken = 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==';

  it('--max-items on list-virtual-mfa-devices (NextToken)', () => {
    const devices = fixture('iam-list-virtual-mfa-devices.json') as { VirtualMFADevices: unknown[] };
    const dir = exportFolder({ 'iam-list-virtual-mfa-devices.json': cli({ VirtualMFADevices: devices.VirtualMFADevices.slice(0, 1), NextToken: cliToken }) });
    const ev = loadEvidence(dir);
    const error = partError(ev.parts.virtualMfaDevices);
    assert.equal(error.code, 'TruncatedExport');
    assert.equal(error.action, 'iam:ListVirtualMFADevices');
    assert.match(error.message, /iam-list-virtual-mfa-devices\.json ends with NextToken/);
    assert.match(error.message, /lockdown evidence commands' again, without those options/);
    assert.ok(ev.parts.accountSummary.ok, 'other parts are still read');
  });

  it('--no-paginate on get-account-authorization-details (IsTruncated, Marker)', () => {
    const details = fixture('iam-get-account-authorization-details.json');
    const dir = exportFolder({ 'iam-get-account-authorization-details.json': cli({ ...details, IsTruncated: true, Marker: 'AAFmHZpVCGhwGp0vhVJvp5Jn0AEYACAA' }) });
    const error = partError(loadEvidence(dir).parts.authorizationDetails);
    assert.equal(error.code, 'TruncatedExport');
    assert.match(error.message, /ends with IsTruncated: true/);
  });

  it('a complete --no-paginate answer (IsTruncated: false) is read', () => {
    const details = fixture('iam-get-account-authorization-details.json');
    const ev = loadEvidence(exportFolder({ 'iam-get-account-authorization-details.json': cli({ ...details, IsTruncated: false }) }));
    assert.ok(ev.parts.authorizationDetails.ok);
  });

  it('regional calls: Access Analyzer (nextToken) in one region, Identity Center (NextToken) in any region', () => {
    const dir = exportFolder({
      'accessanalyzer-list-analyzers-us-east-1.json': cli({ analyzers: [], nextToken: 'v1.abc' }),
      'sso-admin-list-instances-us-east-1.json': cli({ Instances: [], NextToken: cliToken }),
    });
    const ev = loadEvidence(dir);
    assert.equal(partError(ev.accessAnalyzers['us-east-1']).code, 'TruncatedExport');
    assert.ok(ev.accessAnalyzers['eu-west-1']?.ok);
    assert.equal(partError(ev.parts.identityCenterInstances).code, 'TruncatedExport');
  });

  it('a truncated region list makes every regional part an error too', () => {
    const dir = exportFolder({ 'account-list-regions.json': cli({ ...fixture('account-list-regions.json'), NextToken: cliToken }) });
    const ev = loadEvidence(dir);
    assert.equal(partError(ev.parts.regions).code, 'TruncatedExport');
    assert.equal(partError(ev.parts.identityCenterInstances).code, 'TruncatedExport');
  });
});

describe('get-credential-report Content: base64 from the AWS CLI, plain CSV from boto3-based tools', () => {
  const ROWS = [HEADER, ROOT, ALICE, CI].join('\n');

  it('accepts Content that is already CSV (and Python str() timestamps)', () => {
    const path = file('credential_report.json', JSON.stringify({ Content: `${ROWS}\n`, ReportFormat: 'text/csv', GeneratedTime: '2026-11-20 09:58:31+00:00' }));
    const ev = loadEvidence(path);
    const report = ev.parts.credentialReport;
    assert.ok(report.ok);
    assert.deepEqual(report.data.rows.map((r) => r.user), ['<root_account>', 'alice', 'ci-deploy']);
    assert.deepEqual(report.data.generatedTime, new Date('2026-11-20T09:58:31Z'));
    assert.deepEqual(report.data, (loadEvidence(join(V2, 'iam-get-credential-report.json')).parts.credentialReport as { data: unknown }).data);
  });

  it("refuses Content that is neither, saying what was expected and quoting none of it", () => {
    // json.dumps(response, default=str) writes the bytes' repr.
    const path = file('credential_report.json', JSON.stringify({ Content: `b'${ROWS.replaceAll('\n', '\\n')}'`, ReportFormat: 'text/csv', GeneratedTime: '2026-11-20 09:58:31+00:00' }));
    const message = inputError(() => loadEvidence(path), path, "expected the credential report as base64 (as the AWS CLI writes it) or as CSV text starting with 'user,arn,'");
    assert.ok(!message.includes('alice'), message);
    const binary = file('credential_report.json', JSON.stringify({ Content: base64('\u0089PNG\r\n\u001a\n garbage'), GeneratedTime: '2026-11-20T09:58:31+00:00' }));
    const said = inputError(() => loadEvidence(binary), binary, 'expected the credential report');
    assert.ok(!said.includes('PNG') && !said.includes('\ufffd') && !said.includes('\u001a'), said);
  });
});

describe('a credential report alone says where its time comes from', () => {
  it('get-credential-report JSON is labelled as such and dated by IAM', () => {
    const ev = loadEvidence(file('report.json', readFileSync(join(V2, 'iam-get-credential-report.json'))));
    assert.equal(ev.collector, 'aws-cli-credential-report');
    const report = ev.parts.credentialReport;
    assert.ok(report.ok);
    assert.equal(report.data.generatedTimeFrom, undefined);
  });

  it("a console CSV is dated by the file's modification time, marked as such", () => {
    const path = file('status_reports.csv', REPORT_CSV);
    const fileTime = new Date('2026-11-20T10:00:00Z');
    utimesSync(path, fileTime, fileTime);
    const ev = loadEvidence(path);
    assert.equal(ev.collector, 'console-csv');
    const report = ev.parts.credentialReport;
    assert.ok(report.ok);
    assert.equal(report.data.generatedTimeFrom, 'fileModified');
    assert.deepEqual(report.data.generatedTime, fileTime);
    assert.deepEqual(ev.collectedAt, fileTime);
  });

  it('a console CSV whose file time is older than its dates is dated by its newest date, never judged fresh', () => {
    const path = file('copied.csv', REPORT_CSV);
    const restored = new Date('2024-01-01T00:00:00Z');
    utimesSync(path, restored, restored);
    const ev = loadEvidence(path);
    const report = ev.parts.credentialReport;
    assert.ok(report.ok);
    // The newest date in the fixture: ci-deploy's key 1 last used.
    const newest = new Date('2026-11-20T02:00:00Z');
    assert.equal(report.data.generatedTimeFrom, 'newestEntry');
    assert.deepEqual(report.data.generatedTime, newest);
    assert.deepEqual(report.observedAt, newest);
    assert.deepEqual(ev.collectedAt, newest);
    for (const row of report.data.rows) {
      for (const t of [row.userCreationTime, row.passwordLastUsed, row.passwordLastChanged, ...row.accessKeys.map((k) => k.lastUsed)]) {
        if (t instanceof Date) assert.ok(t <= ev.collectedAt, `${t.toISOString()} is after the collection time`);
      }
    }
  });
});

describe('an export file holds the answer of the call its name says', () => {
  it("the BILLING contact saved as the SECURITY file is refused, naming both types", () => {
    const dir = exportFolder({ 'account-get-alternate-contact-SECURITY.json': readFileSync(join(V2, 'account-get-alternate-contact-BILLING.json')) });
    inputError(() => loadEvidence(dir), join(dir, 'account-get-alternate-contact-SECURITY.json'), 'AlternateContact.AlternateContactType is "BILLING"', 'the file name says "SECURITY"');
  });

  it("one region's analyzers saved under another region's name are refused", () => {
    const dir = exportFolder({ 'accessanalyzer-list-analyzers-us-east-1.json': readFileSync(join(V2, 'accessanalyzer-list-analyzers-eu-west-1.json')) });
    inputError(() => loadEvidence(dir), join(dir, 'accessanalyzer-list-analyzers-us-east-1.json'), 'analyzers[0].arn is "eu-west-1"', '"us-east-1"');
  });

  it('DescribeAccount of another account is refused', () => {
    const other = fixture('organizations-describe-account.json') as { Account: Record<string, unknown> };
    const dir = exportFolder({ 'organizations-describe-account.json': cli({ Account: { ...other.Account, Id: '210987654321' } }) });
    inputError(() => loadEvidence(dir), 'organizations-describe-account.json', 'Account.Id is "210987654321"', '"123456789012"');
  });
});

describe('encodings Windows and Excel write', () => {
  const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const utf16be = (text: string) => utf16le(text).swap16();

  it('a console CSV in UTF-16 LE and BE with a byte-order mark (PowerShell `>`)', () => {
    for (const bytes of [utf16le(REPORT_CSV), utf16be(REPORT_CSV)]) {
      const report = loadEvidence(file('report.csv', bytes)).parts.credentialReport;
      assert.ok(report.ok);
      assert.equal(report.data.rows.length, 3);
    }
  });

  it('a saved evidence file with a UTF-8 byte-order mark, and an export file in UTF-16', () => {
    const original = loadEvidence(V2);
    assert.deepEqual(loadEvidence(file('saved.json', `\uFEFF${serializeEvidence(original)}`)), original);
    const dir = exportFolder({ 'iam-get-account-summary.json': utf16le(readFileSync(join(V2, 'iam-get-account-summary.json'), 'utf8')) });
    assert.deepEqual(loadEvidence(dir).parts.accountSummary, original.parts.accountSummary);
  });

  it('bytes that are not UTF-8 are refused, not read as replacement characters', () => {
    const path = file('report.csv', Buffer.from(`${HEADER}\n${ALICE.replace('alice', 'al\xe9')}\n`, 'latin1'));
    inputError(() => loadEvidence(path), path, 'not text in UTF-8');
  });

  it('30 February is an error naming the file, line and column, not 2 March', () => {
    const path = file('report.csv', [HEADER, ROOT, ALICE.replace('2026-11-19T07:45:02+00:00', '2026-02-30T07:45:02+00:00')].join('\n'));
    inputError(() => loadEvidence(path), path, 'line 3, column password_last_used: expected a date that exists in the calendar, got "2026-02-30T07:45:02+00:00"');
  });
});

describe('what is not a regular file is refused before it is opened', () => {
  it('a device', () => {
    inputError(() => loadEvidence('/dev/null'), '--evidence /dev/null: is a device or other special file; give a regular file');
  });

  it('a folder where an export file is expected', () => {
    const dir = exportFolder({ 'iam-get-account-summary.json': null });
    mkdirSync(join(dir, 'iam-get-account-summary.json'));
    inputError(() => loadEvidence(dir), join(dir, 'iam-get-account-summary.json'), 'is a directory; give a regular file');
  });

  it('a file over the limit, stating both sizes (a sparse file: no disk is used)', () => {
    const path = tempPath('huge.evidence.json');
    writeFileSync(path, '');
    truncateSync(path, EVIDENCE_FILE_LIMIT + 1);
    inputError(() => loadEvidence(path), path, `${EVIDENCE_FILE_LIMIT + 1} bytes is over the limit of ${EVIDENCE_FILE_LIMIT} bytes`);
  });
});
