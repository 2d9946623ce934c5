import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../src/errors.js';
import { lineAndColumn, parseJsonText, scanJson } from '../src/evidence/json-text.js';
import { cliScratch, refused } from './builders/cli-refused.js';

// Issue 11 item 1 ("the same part answered twice") and the notJson wording: a key repeated in one
// object of an evidence file, an export folder holding both answers of one call, and a syntax
// error worded with line and column in the user's language.

const DEMO = fileURLToPath(new URL('../demo/insecure-account.evidence.json', import.meta.url));
const V2 = fileURLToPath(new URL('./fixtures/cli-export/v2/', import.meta.url));
const { dirFor, lockdown } = cliScratch('lockdown-json-text-');

const demoText = readFileSync(DEMO, 'utf8');
const lineOf = (text: string, fragment: string) => lineAndColumn(text, text.indexOf(fragment)).line;

describe('scanJson', () => {
  it('accepts what JSON.parse accepts, including escaped keys that differ only in spelling elsewhere', () => {
    for (const text of ['{}', '[]', '0', '-1.5e+3', '"a\\"b"', '{"a":{"a":1},"b":[{"a":1},{"a":2}]}', ' {"\\\\":1, "\\"":2} ', 'null']) {
      assert.deepEqual(scanJson(text), { ok: true }, text);
    }
  });

  it('finds a key given twice in one object, also when one is escaped, and only in the same object', () => {
    assert.deepEqual(scanJson('{"a":1,\n"b":2,\n"a":3}'), { ok: false, kind: 'duplicate', at: 15, firstAt: 1, key: 'a' });
    const escaped = scanJson('{"ab":1,"a\\u0062":2}');
    assert.equal(escaped.ok === false && escaped.kind === 'duplicate' && escaped.key, 'ab');
    // A large object (a Map after 16 keys) still finds it.
    const many = `{${Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`).join(',')},"k7":0}`;
    assert.equal(scanJson(many).ok === false && (scanJson(many) as { key: string }).key, 'k7');
    assert.deepEqual(scanJson('{"a":{"x":1},"b":{"x":1}}'), { ok: true });
  });

  it('locates syntax errors: the end of the text, a wrong character, a raw control character, text after the value', () => {
    assert.deepEqual(scanJson('{"a":', 'syntax'), { ok: false, kind: 'syntax', at: 5, problem: 'end' });
    assert.deepEqual(scanJson('{"a":1,}', 'syntax'), { ok: false, kind: 'syntax', at: 7, problem: 'char' });
    assert.deepEqual(scanJson('{"a":"x\ty"}', 'syntax'), { ok: false, kind: 'syntax', at: 7, problem: 'string' });
    assert.deepEqual(scanJson('{} {}', 'syntax'), { ok: false, kind: 'syntax', at: 3, problem: 'extra' });
    assert.deepEqual(scanJson('[01]', 'syntax'), { ok: false, kind: 'syntax', at: 2, problem: 'char' });
    assert.equal((scanJson('['.repeat(5000) + ']'.repeat(5000)) as { problem: string }).problem, 'deep');
  });
});

describe('parseJsonText', () => {
  it('counts keys, not colons inside strings or escaped quotes, so only a real repeat is refused', () => {
    const text = '{"a:b": "c:\\":d:", "e": {"f\\"": ["g:", {"h": ":"}]}, "::": 1}';
    assert.deepEqual(parseJsonText(text, 'x.json'), JSON.parse(text));
    assert.throws(() => parseJsonText('{"a:b": "c:", "e": {"f": 1, "f": 2}}', 'x.json'), (e: unknown) => e instanceof InputError && JSON.stringify(e).includes('\\"f\\"'));
  });
});

describe('lockdown scan --evidence: the same part answered twice', () => {
  it('a second "passwordPolicy" part in an evidence document: exit 2 naming the file, the key and both lines', async () => {
    // The harmless-looking answer comes last, where JSON.parse would have kept it.
    const strong = '"passwordPolicy": { "source": "api", "action": "iam:GetAccountPasswordPolicy", "observedAt": "2026-11-20T10:00:00.000Z", "data": null },\n    ';
    const text = demoText.replace('"passwordPolicy":', `${strong}"passwordPolicy":`);
    const path = join(dirFor(), 'evidence.json');
    writeFileSync(path, text);
    const first = lineOf(text, '"passwordPolicy"');
    const second = lineAndColumn(text, text.indexOf('"passwordPolicy"', text.indexOf('"passwordPolicy"') + 1)).line;
    assert.ok(second > first);
    refused(await lockdown(['scan', '--evidence', path]), path, `line ${second}: the key "passwordPolicy" appears twice in one object (first on line ${first})`);
  });

  it('a key twice inside a part (two "mfaActive" in a report row) is refused the same way', async () => {
    const text = demoText.replace('"mfaActive": false', '"mfaActive": false, "mfaActive": true');
    assert.notEqual(text, demoText);
    const path = join(dirFor(), 'evidence.json');
    writeFileSync(path, text);
    refused(await lockdown(['scan', '--evidence', path, '--lang', 'nl']), path, 'de sleutel "mfaActive" staat twee keer in één object');
  });

  it('an export file with a key twice names that file', async () => {
    const dir = join(dirFor(), 'export');
    cpSync(V2, dir, { recursive: true });
    const file = join(dir, 'iam-get-account-summary.json');
    const text = readFileSync(file, 'utf8').replace('"AccountMFAEnabled": 1', '"AccountMFAEnabled": 0,\n        "AccountMFAEnabled": 1');
    writeFileSync(file, text);
    refused(await lockdown(['scan', '--evidence', dir]), file, 'the key "AccountMFAEnabled" appears twice');
  });

  it('an export folder with both X.json and X.error.txt for one call: exit 2 naming both files', async () => {
    const dir = join(dirFor(), 'export');
    cpSync(V2, dir, { recursive: true });
    writeFileSync(join(dir, 'iam-get-account-password-policy.error.txt'), '\nAn error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: The Password Policy with domain name 123456789012 cannot be found.\n');
    refused(await lockdown(['scan', '--evidence', dir]), join(dir, 'iam-get-account-password-policy.json'), join(dir, 'iam-get-account-password-policy.error.txt'), 'both answer iam:GetAccountPasswordPolicy');
  });

  it('a legacy answer left beside the current one (ec2-describe-regions.json next to account-list-regions.json) names both files', async () => {
    const dir = join(dirFor(), 'export');
    cpSync(V2, dir, { recursive: true });
    writeFileSync(join(dir, 'ec2-describe-regions.json'), readFileSync(join(V2, '..', 'legacy-ec2-describe-regions.json')));
    refused(await lockdown(['scan', '--evidence', dir]), join(dir, 'account-list-regions.json'), join(dir, 'ec2-describe-regions.json'), 'both answer account:ListRegions');
  });

  it('a regional file answered twice names its call', async () => {
    const dir = join(dirFor(), 'export');
    cpSync(V2, dir, { recursive: true });
    writeFileSync(join(dir, 'accessanalyzer-list-analyzers-eu-west-1.error.txt'), 'An error occurred (AccessDeniedException) when calling the ListAnalyzers operation: denied\n');
    refused(await lockdown(['scan', '--evidence', dir]), 'both answer access-analyzer:ListAnalyzers');
  });
});

describe('lockdown scan --evidence: JSON that does not parse', () => {
  it('names the file, line and column in the user language, not JavaScript words', async () => {
    const path = join(dirFor(), 'evidence.json');
    writeFileSync(path, '{\n  "schema": "aws-lockdown/evidence@1",\n  "account": { "id": "123456789012", }\n}\n');
    refused(await lockdown(['scan', '--evidence', path]), `${path}, line 3, column 38: not valid JSON: unexpected "}"`);
    refused(await lockdown(['scan', '--evidence', path, '--lang', 'nl']), `${path}, regel 3, kolom 38: geen geldige JSON: onverwacht teken "}"`);
  });

  it('a file cut off mid-way says it ends too early, at its last line', async () => {
    const path = join(dirFor(), 'evidence.json');
    const cut = demoText.slice(0, 2000);
    writeFileSync(path, cut);
    const { line, column } = lineAndColumn(cut, cut.length);
    refused(await lockdown(['scan', '--evidence', path]), `line ${line}, column ${column}: not valid JSON: the text ends inside a value`);
  });

  it('nesting deeper than any evidence (JSON.parse takes it, JSON.stringify would overflow) is refused, not an internal error', async () => {
    const path = join(dirFor(), 'evidence.json');
    writeFileSync(path, `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    refused(await lockdown(['scan', '--evidence', path]), `${path}, line 1, column 1002: not valid JSON: nested more than 1000 levels deep`);
  });

  it('an export file that is neither JSON nor the CLI error text names its line and column', async () => {
    const dir = join(dirFor(), 'export');
    cpSync(V2, dir, { recursive: true });
    const file = join(dir, 'iam-list-server-certificates.json');
    writeFileSync(file, '{\n  "ServerCertificateMetadataList": [\n    {"ServerCertificateName": "web"\n  ]\n}\n');
    refused(await lockdown(['scan', '--evidence', dir]), `${file}, line 4, column 3: not valid JSON: unexpected "]"`);
  });
});
