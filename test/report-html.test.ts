import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { ScanResult } from '../src/engine/result.js';
import { placeholders } from '../src/engine/text.js';
import { SEVERITIES, STATUSES, type Lang } from '../src/engine/types.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';
import { complianceView } from '../src/report/compliance.js';
import { HTML_TEXT, renderHtml } from '../src/report/html.js';
import { decoder } from '../src/report/html/client/decode.js';
import type { PageData } from '../src/report/html/data.js';
import { html } from '../src/report/html/markup.js';
import type { ReportOptions } from '../src/report/options.js';
import { CHECKS } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseEvidence } from '../src/evidence/parse.js';
import { accountRecord, buildRecord, type ScanRecord } from '../src/record/record.js';
import { render } from '../src/record/render.js';
import { largeAccountJson } from './builders/large-account.js';
import { fixedRecord, fixedResult, HOSTILE_POLICY, HOSTILE_USER, MUTE_REASON } from './report-fixture.js';

const OPTIONS: ReportOptions = { color: false, region: 'us-east-1' };

/** A result with the record it was rendered from, as the CLI hands both to the reporter. */
function withRecord(record: ScanRecord, lang: Lang): { result: ScanResult; options: ReportOptions } {
  return { result: render(record, lang, { checks: CHECKS }), options: { ...OPTIONS, record } };
}
function largeRecord(users: number): ScanRecord {
  const evidence = parseEvidence(largeAccountJson(users), 'large account');
  return buildRecord([{ account: accountRecord(evidence), findings: evaluate(evidence, CHECKS), mutelist: null }], { source: 'evidence', startedAt: new Date('2026-11-20T10:00:00.000Z'), checks: CHECKS });
}
const DATA_OPEN = '<script type="application/json" id="lockdown-data">';

function dataBlock(html: string): string {
  const start = html.indexOf(DATA_OPEN);
  assert.ok(start >= 0, 'the page embeds its data');
  return html.slice(start + DATA_OPEN.length, html.indexOf('</script>', start));
}
const pageData = (html: string) => JSON.parse(dataBlock(html)) as Record<string, unknown>;
/** The page without its data block: the markup, style and script a browser parses as HTML. */
const markup = (html: string) => html.replace(dataBlock(html), '');

/** Every finding as the page script's decoder (bundled into the page) rebuilds it from the page's data block. */
function decodeAll(page: string): unknown[] {
  const D = pageData(page) as unknown as PageData;
  const L = decoder(D);
  return JSON.parse(JSON.stringify(D.f.map((_, i) => L.decode(i))));
}
const escapeHtml = (text: string) => html`${text}`.toString();
const withoutMessageIds = (result: ScanResult) => JSON.parse(JSON.stringify(result.findings.map(({ messageId: _, ...f }) => f)));

function hostile(): ScanResult {
  const result = fixedResult('en');
  const account = result.accounts[0] as ScanResult['accounts'][number];
  account.collector = '<b onmouseover=alert(3)>collector</b>';
  account.evidence.identityCenterInstances = { error: { code: 'AccessDenied', message: `denied for ${HOSTILE_USER}`, action: 'sso:ListInstances' } };
  const mutelist = result.mutelist as NonNullable<ScanResult['mutelist']>;
  mutelist.file = `${HOSTILE_USER}.yaml`;
  (mutelist.rules[0] as (typeof mutelist.rules)[number]).owner = `"><img src=x onerror=alert(2)>`;
  (result.checks['root-mfa'] as ScanResult['checks'][string]).title = `Root <img src=x onerror=alert(4)> MFA`;
  const first = result.findings[0] as ScanResult['findings'][number];
  const breakout = '</script><script>alert(5)</script><!--';
  first.resource = { ...first.resource, name: breakout, arn: `arn:aws:iam::123456789012:user/${breakout}` };
  first.message = `User ${breakout} </SCRIPT > is bad`;
  return result;
}

describe('html report: escaping', () => {
  test('the markup template escapes the five HTML metacharacters in what it interpolates', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('a hostile user name appears only escaped, in the data and in server-rendered text', () => {
    const html = renderHtml(hostile(), OPTIONS);
    assert.ok(!html.includes(HOSTILE_USER), 'the raw user name is nowhere in the file');
    assert.ok(!/<img|<b\s|<script>alert|<\/b>/i.test(markup(html)), 'no hostile markup reaches the page');
    assert.ok(dataBlock(html).includes('\\u003cimg src=x onerror=alert(1)\\u003e'), 'the data block keeps the name, with < and > escaped');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;.yaml'), 'the mutelist file name is escaped');
    assert.ok(html.includes('denied for &lt;img src=x onerror=alert(1)&gt;'), 'an evidence error message is escaped');
    assert.ok(html.includes('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'), 'the rule owner is escaped');
    assert.ok(html.includes('&lt;b onmouseover=alert(3)&gt;collector&lt;/b&gt;'), 'the collector is escaped');
    assert.ok(html.includes('Root &lt;img src=x onerror=alert(4)&gt; MFA'), 'a check title in the check filter is escaped');
    // The data still carries the exact strings, for the page script to show as text.
    const users = decodeAll(html).map((f) => (f as { resource: { name: string } }).resource.name);
    assert.ok(users.includes(HOSTILE_USER));
    assert.ok(renderHtml(fixedResult('en'), OPTIONS).includes(JSON.stringify(HOSTILE_POLICY).slice(1, -1).replace(/</g, '\\u003c')), 'the formula-like policy name is data, unchanged');
  });

  test('</script> in the data cannot close the data block', () => {
    const html = renderHtml(hostile(), OPTIONS);
    assert.equal(html.match(/<script/gi)?.length, 2, 'two script elements: data and code');
    assert.equal(html.match(/<\/script/gi)?.length, 2, 'each closed once, by the page itself');
    assert.ok(!dataBlock(html).includes('<'), 'no < at all inside the data block');
    assert.ok(!html.includes('<!--'), 'no comment opener anywhere');
    const first = decodeAll(html)[0] as { resource: { name: string }; message: string };
    assert.equal(first.resource.name, '</script><script>alert(5)</script><!--');
    assert.equal(first.message, 'User </script><script>alert(5)</script><!-- </SCRIPT > is bad');
  });

  test('a Content-Security-Policy allows only the page\'s own script and style', () => {
    const html = renderHtml(fixedResult('en'), OPTIONS);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.ok(csp, 'the page sets a CSP');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] as string;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] as string;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    assert.match(csp, /default-src 'none'/);
    assert.ok(csp.includes(`script-src ${hash(script)}`), 'script-src is the hash of the inline script');
    assert.ok(csp.includes(`style-src ${hash(style)}`), 'style-src is the hash of the inline stylesheet');
    assert.ok(!csp.includes('unsafe-inline'));
  });
});

describe('html report: self-contained', () => {
  for (const lang of ['en', 'nl'] as const) {
    test(`nothing the browser would fetch (${lang})`, () => {
      const html = renderHtml(fixedResult(lang), OPTIONS);
      assert.ok(!/\b(?:src|href|srcset|action|formaction|poster|background|data|ping|manifest|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(html), 'no network URL in an attribute');
      assert.ok(!/url\(/i.test(html) && !/@import/i.test(html), 'no url() and no @import anywhere');
      const page = markup(html);
      assert.ok(!/<(?:img|iframe|object|embed|link|audio|video|source|base|form)\b/i.test(page), 'no element that loads or submits anything');
      assert.ok(!/\ssrc\s*=/i.test(page), 'no src attribute at all');
      const hrefs = [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1] as string);
      assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('#')), `only in-page links: ${hrefs.filter((h) => !h.startsWith('#')).join(', ')}`);
      // Console links may stay as plain text in the remediation steps: text is not fetched.
      assert.ok(html.includes('https://console.aws.amazon.com'));
    });
  }

  test('rendering is pure: the same result gives the same page', () => {
    const result = fixedResult('en');
    assert.equal(renderHtml(result, OPTIONS), renderHtml(result, OPTIONS));
  });
});

describe('html report: content', () => {
  test('the page script rebuilds every finding exactly as the JSON result has it (en, nl)', () => {
    for (const lang of ['en', 'nl'] as const) {
      const { result, options } = withRecord(fixedRecord(), lang);
      assert.deepEqual(decodeAll(renderHtml(result, options)), withoutMessageIds(result));
      // Without the record the messages travel as text, and still match.
      assert.deepEqual(decodeAll(renderHtml(result, OPTIONS)), withoutMessageIds(result));
    }
  });

  test('messages travel as catalogue templates and neutral parameters, filled by the page', () => {
    const { result, options } = withRecord(fixedRecord(), 'nl');
    const data = pageData(renderHtml(result, options)) as unknown as PageData;
    const asText = data.f.filter((row) => row[9] < 0).length;
    assert.equal(asText, 0, 'every message of a fresh render is a template with parameters');
    assert.ok(data.n.length < data.f.length, `${data.n.length} distinct messages for ${data.f.length} findings`);
    // A Dutch list parameter is joined the Dutch way by the page's formatter.
    assert.ok(data.p.some((p) => Object.values(p).some((v) => typeof v === 'object' && 'list' in v)), 'list parameters are carried structured');
  });

  test('findings whose texts depart from their check are stored whole and still rebuilt exactly', () => {
    const { result, options } = withRecord(fixedRecord(), 'en');
    const [a, b, c] = result.findings.filter((f) => f.remediation) as [ScanResult['findings'][number], ScanResult['findings'][number], ScanResult['findings'][number]];
    a.remediation = { summary: 'Custom summary', steps: ['one {resourceName}', 'two'], cli: null, rootOnly: false };
    b.title = 'A title of its own';
    b.compliance = { 'cis-aws-v5.0.0': ['9.9'] };
    c.message = `contains the marker \u0001 and ${c.resource.name}`;
    c.muteReason = null;
    c.muted = true;
    assert.deepEqual(decodeAll(renderHtml(result, options)), withoutMessageIds(result));
  });

  test('header: account, partition, scan time, evidence source and the credential report age', () => {
    const en = renderHtml(fixedResult('en'), OPTIONS);
    assert.match(en, /<dd id="account-id">123456789012<\/dd>/);
    assert.match(en, /<dt>Partition<\/dt><dd>aws<\/dd>/);
    assert.match(en, /<dt>Scan<\/dt><dd>2026-11-20 10:00 UTC<\/dd>/);
    assert.match(en, /<dt>Evidence source<\/dt><dd>demo evidence \(a sample account\), collected by demo<\/dd>/);
    // The demo's report was generated at 08:48, the scan started at 10:00.
    assert.match(en, /<dd class="" id="report-age">generated 2026-11-20 08:48 UTC, 1 h 12 min ago at scan time<\/dd>/);
    const nl = renderHtml(fixedResult('nl'), OPTIONS);
    assert.match(nl, /id="report-age">gemaakt 2026-11-20 08:48 UTC, 1 u 12 min oud op het moment van de scan<\/dd>/);

    const old = fixedResult('en');
    old.scan.startedAt = '2026-11-23T10:00:00.000Z';
    assert.match(renderHtml(old, OPTIONS), /<dd class="warn" id="report-age">generated 2026-11-20 08:48 UTC, 3 days ago at scan time<\/dd>/);
    const none = fixedResult('en');
    (none.accounts[0] as ScanResult['accounts'][number]).credentialReportGeneratedAt = null;
    assert.match(renderHtml(none, OPTIONS), /id="report-age">not read; the checks that need it report ERROR<\/dd>/);
  });

  test('summary: the severity × status counts of the result, and a chart segment per non-zero count', () => {
    const result = fixedResult('en');
    const html = renderHtml(result, OPTIONS);
    const table = /<table class="counts" id="summary-counts">([\s\S]*?)<\/table>/.exec(html)?.[1] as string;
    const rows = [...table.matchAll(/<tr>(?:<td class="sev">[\s\S]*?<\/td>)((?:<td class="n(?: zero)?">[^<]*<\/td>)+)<\/tr>/g)].map((m) =>
      [...(m[1] as string).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => (c[1] === '·' ? 0 : Number(c[1]))),
    );
    assert.deepEqual(
      rows,
      SEVERITIES.map((sev) => [...STATUSES.map((s) => result.summary.bySeverityAndStatus[sev][s]), STATUSES.reduce((n, s) => n + result.summary.bySeverityAndStatus[sev][s], 0)]),
    );
    const segments = (html.match(/<rect class="seg-/g) ?? []).length;
    assert.equal(segments, SEVERITIES.reduce((n, sev) => n + STATUSES.filter((s) => result.summary.bySeverityAndStatus[sev][s] > 0).length, 0));
    assert.ok(html.includes(`Muted</th>`) && html.includes(escapeHtml(MUTE_REASON)), 'the mutelist rules are listed with their reason');
  });

  test('compliance: every framework with its requirements, the --compliance one first', () => {
    const result = fixedResult('en');
    const html = renderHtml(result, { ...OPTIONS, compliance: 'aws-securityhub' });
    const order = [...html.matchAll(/data-framework="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(order, ['aws-securityhub', ...FRAMEWORKS.map((f) => f.id).filter((id) => id !== 'aws-securityhub')]);
    for (const framework of FRAMEWORKS) {
      const view = complianceView(result, framework);
      const section = new RegExp(`data-framework="${framework.id}">([\\s\\S]*?)</section>`).exec(html)?.[1] as string;
      const verdicts = [...section.matchAll(/<tr class="v-([A-Z_]+)">/g)].map((m) => m[1]);
      assert.deepEqual(verdicts, view.requirements.map((r) => r.verdict), framework.id);
    }
    const plain = renderHtml(result, OPTIONS);
    assert.equal(/data-framework="([^"]+)"/.exec(plain)?.[1], FRAMEWORKS[0]?.id);
  });
});

describe('html report: languages', () => {
  test('HTML_TEXT has the same keys and placeholders in English and Dutch', () => {
    assert.deepEqual(Object.keys(HTML_TEXT.nl).sort(), Object.keys(HTML_TEXT.en).sort());
    for (const [key, en] of Object.entries(HTML_TEXT.en)) {
      const nl = HTML_TEXT.nl[key as keyof typeof HTML_TEXT.nl];
      assert.deepEqual(placeholders(nl), placeholders(en), key);
    }
  });

  test('the page speaks the result\'s language', () => {
    const en = renderHtml(fixedResult('en'), OPTIONS);
    const nl = renderHtml(fixedResult('nl'), OPTIONS);
    assert.match(en, /<html lang="en">/);
    assert.match(nl, /<html lang="nl">/);
    assert.ok(en.includes('<h2>Summary</h2>') && !en.includes('Samenvatting'));
    assert.ok(nl.includes('<h2>Samenvatting</h2>') && !nl.includes('<h2>Summary</h2>'));
    assert.equal((pageData(nl).t as Record<string, string>).risk, 'Wat het betekent');
    assert.deepEqual(pageData(nl).sl, STATUSES.map((s) => ({ FAIL: 'VOLDOET NIET', ERROR: 'NIET BEOORDEELD', MANUAL: 'HANDMATIG', PASS: 'VOLDOET', NOT_APPLICABLE: 'N.V.T.' })[s]));
    // Check texts come from the result, which is already in the language.
    assert.ok(nl.includes('Wat het betekent') && /[Gg]ebruiker/.test(dataBlock(nl)));
  });
});

describe('html report: size', () => {
  test('a 5,000-user account (~40,000 findings) stays under 4 MB and decodes exactly', () => {
    const record = largeRecord(5000);
    for (const lang of ['en', 'nl'] as const) {
      const { result, options } = withRecord(record, lang);
      const html = renderHtml(result, options);
      const bytes = Buffer.byteLength(html, 'utf8');
      assert.ok(result.findings.length >= 40_000, `${result.findings.length} findings`);
      assert.ok(bytes < 4_000_000, `${bytes} bytes`);
      assert.deepEqual(decodeAll(html), withoutMessageIds(result));
    }
  });
});
