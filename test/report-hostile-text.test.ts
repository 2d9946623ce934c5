import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { CHECKS } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseEvidence } from '../src/evidence/parse.js';
import { accountRecord, buildRecord } from '../src/record/record.js';
import { render, shellWord } from '../src/record/render.js';
import { FORMATS, REPORTERS } from '../src/report/index.js';
import { mdCode, mdText, unlinked } from '../src/report/markdown.js';
import { safeCsvText, safeStrings, safeText } from '../src/report/safe-text.js';
import { evidenceJson } from './builders/evidence.js';
import { manyAccountsRecord } from './builders/many-accounts.js';

// Names an attacker (or a tampered export) can give an IAM user: terminal escape sequences, a
// bidi override, a lone UTF-16 surrogate, shell metacharacters, GitHub mentions and links
// (issue 11 items 6, 13, 14). Every reporter renders them, and none passes them on raw.

const ESC_NAME = 'esc\u001b[2J\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\u0000';
const BIDI_NAME = 'admin\u202eexe.txt\u2066x\u2069';
const LONE_NAME = 'lone\ud800surrogate';
const SHELL_NAME = "x; touch pwned; $(id) `id` 'q'";
const MENTION_NAME = '@octocat #12 GH-7 org/repo#3 https://evil.example www.evil.example a@b.io';
const C1_NAME = 'c1\u009b31m\u0085';
const NAMES = [ESC_NAME, BIDI_NAME, LONE_NAME, SHELL_NAME, MENTION_NAME, C1_NAME];

function hostileResult() {
  const json = evidenceJson({ users: NAMES.map((name) => ({ name, password: true, mfa: false, passwordLastUsed: 'N/A' })) });
  const evidence = parseEvidence(json, 'hostile');
  const findings = evaluate(evidence, CHECKS);
  const record = buildRecord([{ account: accountRecord(evidence), findings, mutelist: null }], { source: 'evidence', startedAt: new Date('2026-11-20T10:00:00.000Z'), checks: CHECKS });
  return { record, result: render(record, 'en') };
}

const { record, result } = hostileResult();
const options = { color: false, region: 'us-east-1', record };
/** No lone surrogate (String.prototype.isWellFormed is ES2024, past this project's lib). */
const isWellFormed = (text: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('reporters and hostile text', () => {
  it('the hostile users are in the result, failing user-console-mfa', () => {
    for (const name of NAMES) assert.ok(result.findings.some((f) => f.resource.name === name && f.checkId === 'user-console-mfa' && f.status === 'FAIL'), name);
  });

  for (const format of FORMATS) {
    it(`${format}: renders every name without throwing, as well-formed Unicode and valid ${format}`, () => {
      const text = REPORTERS[format].render(result, options);
      assert.ok(isWellFormed(text), 'no lone surrogate in the output');
      if (['json', 'sarif', 'ocsf', 'asff'].includes(format)) {
        const parsed = JSON.stringify(JSON.parse(text));
        for (const name of NAMES) assert.ok(parsed.includes(JSON.stringify(name).slice(1, -1)), `${format} keeps ${JSON.stringify(name)} exactly`);
      }
      if (format === 'junit') assert.equal(XMLValidator.validate(text), true);
      if (format === 'csv') assert.ok((parseCsv(text, { relax_column_count: false }) as string[][]).length > NAMES.length);
      if (format === 'html') assert.ok(text.includes('</html>'));
    });
  }

  for (const format of ['table', 'csv', 'markdown'] as const) {
    it(`${format}: no control character, C1 control or bidi override reaches the output raw`, () => {
      const text = REPORTERS[format].render(result, options);
      // The table and Markdown end lines with LF, CSV with CRLF; nothing else from that range.
      const offending = RAW.exec(text);
      assert.equal(offending, null, `raw U+${offending?.[0].codePointAt(0)?.toString(16)} in ${format}`);
      // Markdown code spans show a backslash as its look-alike U+2216 (markdown.ts mdCode).
      assert.match(text, /[\\\u2216]u202e/, 'the bidi override shown as text');
    });
  }

  it('table: an ESC sequence in a user name is shown as text on the finding line', () => {
    const line = REPORTERS.table.render(result, options).split('\n').find((l) => l.includes('esc\\u001b[2J'));
    assert.ok(line, 'the ESC name is listed, escaped');
    assert.ok(line.includes('\\u0007click') && line.includes('\\u0000'), line);
  });

  it('csv: a hostile name reads back as its escaped text, one row per finding', () => {
    const rows = parseCsv(REPORTERS.csv.render(result, options)) as string[][];
    const names = rows.map((r) => r[10]);
    assert.ok(names.includes(safeText(ESC_NAME)));
    assert.ok(names.includes(SHELL_NAME), 'printable text is left alone');
  });

  it('markdown: no live mention, issue reference or autolink', () => {
    const text = REPORTERS.markdown.render(result, options);
    // What GitHub would turn into a mention, an issue link or an autolink in plain text.
    const outsideCode = text.replace(/(`+)[^`]*?\1/g, '');
    assert.doesNotMatch(outsideCode, /(^|[^\w])@[A-Za-z0-9]|#\d|\bGH-\d|https?:\/\/|\bwww\./);
    const prose = mdText(MENTION_NAME);
    assert.doesNotMatch(prose, /@[a-z]|#\d|GH-\d|:\/\/|www\.|@b/);
    assert.equal(prose.replace(/\u200d/g, ''), MENTION_NAME, 'the text reads the same without the invisible joiners');
    assert.equal(unlinked('plain text, 100%'), 'plain text, 100%');
    assert.equal(mdCode('a\u001b[2J'), '`a\u2216u001b[2J`', 'ESC shown as text in a code span too');
  });
});

describe('safeText', () => {
  it('shows ESC, BEL, NUL, C1 controls, bidi overrides and lone surrogates as \\uXXXX; keeps text, tab, LF and emoji', () => {
    assert.equal(safeText('a\u001b[31mb\u0007\u0000'), 'a\\u001b[31mb\\u0007\\u0000');
    assert.equal(safeText('\u202eabc\u2066\u2069'), '\\u202eabc\\u2066\\u2069');
    assert.equal(safeText('\u009b\u0085\u007f'), '\\u009b\\u0085\\u007f');
    assert.equal(safeText('x\ud800y\udc00'), 'x\\ud800y\\udc00');
    assert.equal(safeText('a\tb\nc 😀 é'), 'a\tb\nc 😀 é');
    assert.equal(safeText('a\rb'), 'a\\u000db', 'a CR could overwrite a terminal line');
    assert.equal(safeCsvText('a\rb\u001b'), 'a\rb\\u001b', 'in a CSV field a CR is data');
  });

  it('safeStrings returns the very same object when nothing needs escaping', () => {
    const clean = { a: ['x', { b: 'y' }], n: 1, nil: null };
    assert.equal(safeStrings(clean), clean);
    const dirty = { a: ['x', { b: 'y\u001b' }], n: 1 };
    assert.deepEqual(safeStrings(dirty), { a: ['x', { b: 'y\\u001b' }], n: 1 });
    assert.equal(dirty.a[1] && (dirty.a[1] as { b: string }).b, 'y\u001b', 'the input is not changed');
  });
});

describe('shellWord', () => {
  it('leaves plain AWS names alone and single-quotes everything else', () => {
    assert.equal(shellWord('carol.bakker@example.com'), 'carol.bakker@example.com');
    assert.equal(shellWord('team+ops=1,a:b/c_d%-'), 'team+ops=1,a:b/c_d%-');
    assert.equal(shellWord('x; touch pwned; $(id)'), "'x; touch pwned; $(id)'");
    assert.equal(shellWord("it's"), "'it'\\''s'");
    assert.equal(shellWord(''), "''");
  });

  it('the remediation command quotes a hostile name wherever it is placed', () => {
    const f = result.findings.find((x) => x.resource.name === SHELL_NAME && x.checkId === 'user-console-mfa');
    assert.ok(f?.remediation?.cli?.includes(`--user-name ${shellWord(SHELL_NAME)}`), f?.remediation?.cli ?? 'no cli');
  });

  it("the HTML report's Copy button copies the quoted command (its data holds the remediation whole)", () => {
    const html = REPORTERS.html.render(result, options);
    const data = JSON.parse(/<script type="application\/json" id="lockdown-data">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as { r: [string, string[], string | null, boolean][] };
    assert.ok(data.r.some(([, , cli]) => cli?.includes(`--user-name ${shellWord(SHELL_NAME)}`)));
  });
});

// Account and OU names come from AWS Organizations, where anyone who may name an account chooses
// them (issue 8): the same hostile text, plus markup and a spreadsheet formula, as account, OU and
// not-assessed names in a many-account scan.
describe('reporters and hostile account and OU names', () => {
  const HTML_NAME = '<img src=x onerror=alert(7)>';
  const FORMULA = "=HYPERLINK(\"https://evil.example\",\"x\")";
  const ACCOUNT_NAMES = [...NAMES, HTML_NAME, FORMULA];
  const many = manyAccountsRecord({ accounts: 3, notAssessed: 1 });
  many.accounts.forEach((a, i) => {
    a.name = ACCOUNT_NAMES[i % ACCOUNT_NAMES.length] as string;
    a.ouPath = [{ id: 'ou-a1b2-11111111', name: ACCOUNT_NAMES[(i + 3) % ACCOUNT_NAMES.length] as string }];
  });
  (many.accounts[2] as (typeof many.accounts)[number]).name = FORMULA;
  const na = many.notAssessed[0] as (typeof many.notAssessed)[number];
  na.name = HTML_NAME;
  na.ouPath = [{ id: 'ou-a1b2-22222222', name: ESC_NAME }];
  const hostileMany = render(many, 'en');
  const manyOptions = { color: false, region: 'us-east-1', record: many };
  const used = [...new Set([...many.accounts.flatMap((a) => [a.name as string, ...(a.ouPath ?? []).map((o) => o.name)]), HTML_NAME, ESC_NAME])];

  for (const format of FORMATS) {
    it(`${format}: renders hostile account and OU names as well-formed, valid output`, () => {
      const text = REPORTERS[format].render(hostileMany, manyOptions);
      assert.ok(isWellFormed(text), 'no lone surrogate in the output');
      if (['json', 'ocsf', 'asff', 'sarif'].includes(format)) JSON.parse(text);
      if (format === 'json' || format === 'ocsf') {
        const parsed = JSON.stringify(JSON.parse(text));
        for (const name of used) assert.ok(parsed.includes(JSON.stringify(name).slice(1, -1)), `${format} keeps ${JSON.stringify(name)} exactly`);
      }
      if (format === 'junit') assert.equal(XMLValidator.validate(text), true);
      if (['table', 'csv', 'markdown'].includes(format)) {
        const offending = RAW.exec(text);
        assert.equal(offending, null, `raw U+${offending?.[0].codePointAt(0)?.toString(16)} in ${format}`);
      }
      if (format === 'html') {
        const markupOnly = text.replace(/<script type="application\/json" id="lockdown-data">.*?<\/script>/s, '');
        assert.ok(!markupOnly.includes(HTML_NAME) && !/<img/i.test(markupOnly), 'no hostile markup in the page');
        assert.ok(markupOnly.includes('&lt;img src=x onerror=alert(7)&gt;'), 'the name is there, escaped');
      }
    });
  }

  it('csv: an account name that is a formula stays text', () => {
    const rows = parseCsv(REPORTERS.csv.render(hostileMany, manyOptions)) as string[][];
    const names = rows.slice(1).map((r) => r[18]);
    assert.ok(names.includes(`'${FORMULA}`), 'neutralised with a leading quote');
    assert.ok(!names.includes(FORMULA));
  });

  it('markdown: an account name makes no mention, link or HTML', () => {
    const text = REPORTERS.markdown.render(hostileMany, manyOptions);
    const outsideCode = text.replace(/(`+)[^`]*?\1/g, '');
    assert.doesNotMatch(outsideCode, /(^|[^\w])@[A-Za-z0-9]|#\d|\bGH-\d|https?:\/\/|\bwww\.|<img/);
  });
});
