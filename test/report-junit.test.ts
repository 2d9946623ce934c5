import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RenderedFinding, ScanResult } from '../src/engine/result.js';
import { renderJunit, xmlAttr, xmlText } from '../src/report/junit.js';
import type { ReportOptions } from '../src/report/options.js';
import { fixedResult, HOSTILE_POLICY, HOSTILE_USER, MUTE_REASON } from './report-fixture.js';

const OPTIONS: ReportOptions = { color: false, region: 'eu-west-1' };

interface Outcome {
  message?: string;
  type?: string;
  '#text'?: string;
}
interface TestCase {
  classname: string;
  name: string;
  failure?: Outcome;
  error?: Outcome;
  skipped?: Outcome;
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  properties?: { property: { name: string; value: string }[] };
  testcase: TestCase[];
}
interface Doc {
  testsuites: { name: string; tests: string; failures: string; errors: string; skipped: string; testsuite: Suite[] };
}

// htmlEntities: decode character references (&#10;) the way any XML parser does.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property',
});

function parse(xml: string): Doc {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, JSON.stringify(valid));
  return parser.parse(xml) as Doc;
}

/** Characters XML 1.0 does not allow anywhere in a document. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const en = fixedResult('en');
const nl = fixedResult('nl');
const expectedKind = (f: RenderedFinding) => (f.muted || f.status === 'MANUAL' || f.status === 'NOT_APPLICABLE' ? 'skipped' : f.status === 'FAIL' ? 'failure' : f.status === 'ERROR' ? 'error' : 'passed');

describe('junit reporter', () => {
  it('parses as XML with counts that match the findings', () => {
    const doc = parse(renderJunit(en, OPTIONS));
    const count = (kind: string) => String(en.findings.filter((f) => expectedKind(f) === kind).length);
    assert.equal(doc.testsuites.tests, String(en.findings.length));
    assert.equal(doc.testsuites.failures, count('failure'));
    assert.equal(doc.testsuites.errors, count('error'));
    assert.equal(doc.testsuites.skipped, count('skipped'));
    assert.equal(doc.testsuites.name, 'aws-lockdown 0.1.0: account 123456789012 (aws)');
    assert.ok(Number(count('failure')) > 0 && Number(count('error')) > 0 && Number(count('skipped')) > 0 && Number(count('passed')) > 0);

    // One suite per check, one case per finding, with the suite's own counts.
    const suites = doc.testsuites.testsuite;
    assert.deepEqual(suites.map((s) => s.name), [...new Set(en.findings.map((f) => f.checkId))].sort());
    for (const suite of suites) {
      const findings = en.findings.filter((f) => f.checkId === suite.name);
      assert.equal(suite.tests, String(findings.length));
      assert.equal(suite.testcase.length, findings.length);
      assert.equal(suite.failures, String(suite.testcase.filter((c) => c.failure).length));
      assert.equal(suite.errors, String(suite.testcase.filter((c) => c.error).length));
      assert.equal(suite.skipped, String(suite.testcase.filter((c) => c.skipped).length));
      assert.deepEqual(suite.properties?.property, [
        { name: 'title', value: en.checks[suite.name]?.title },
        { name: 'severity', value: en.checks[suite.name]?.severity },
      ]);
      for (const [i, c] of suite.testcase.entries()) {
        const f = findings[i] as RenderedFinding;
        assert.equal(c.classname, f.checkId);
        assert.equal(c.name, f.resource.name);
        const kind = expectedKind(f);
        for (const k of ['failure', 'error', 'skipped'] as const) assert.equal(c[k] !== undefined, kind === k, `${f.checkId} ${f.resource.name} ${k}`);
      }
    }
  });

  it('says what failed and how to fix it', () => {
    const doc = parse(renderJunit(en, OPTIONS));
    const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase);
    const rootMfa = cases.find((c) => c.classname === 'root-mfa');
    const f = en.findings.find((x) => x.checkId === 'root-mfa') as RenderedFinding;
    assert.equal(rootMfa?.failure?.message, f.message);
    assert.equal(rootMfa?.failure?.type, 'critical');
    assert.ok(rootMfa?.failure?.['#text']?.includes(`Fix: ${f.remediation?.summary}`));
    const error = cases.find((c) => c.error);
    const ef = en.findings.find((x) => x.status === 'ERROR') as RenderedFinding;
    assert.equal(error?.error?.message, ef.message);
    assert.ok(error?.error?.['#text']?.startsWith(ef.message));
    const manual = cases.find((c) => c.classname === 'root-password-rotation');
    assert.match(manual?.skipped?.message ?? '', /^MANUAL: /);
    const muted = cases.find((c) => c.classname === 'root-access-keys');
    assert.equal(muted?.skipped?.message, `Muted (FAIL): ${MUTE_REASON}`);
    assert.equal(muted?.failure, undefined);
  });

  it('escapes hostile names so they come back as the same text', () => {
    const xml = renderJunit(en, OPTIONS);
    assert.ok(!xml.includes('<img'), 'no raw markup from a user name');
    const cases = parse(xml).testsuites.testsuite.flatMap((s) => s.testcase);
    assert.ok(cases.some((c) => c.name === HOSTILE_USER));
    assert.ok(cases.some((c) => c.name === HOSTILE_POLICY));
    const failure = cases.find((c) => c.name === HOSTILE_POLICY)?.failure;
    assert.ok(failure?.['#text']?.includes(`policy/${HOSTILE_POLICY}`));
  });

  it('drops characters XML 1.0 forbids and keeps line breaks in attributes', () => {
    const nasty = 'a\u0000b\u0008c\u001bd\uFFFEe\uFFFFf\uD800g\uDC00h & <i> "j" \'k\'\tl\nm\rn 😀';
    const result: ScanResult = {
      ...en,
      findings: en.findings.map((f) => (f.checkId === 'root-mfa' ? { ...f, message: nasty, resource: { ...f.resource, name: nasty } } : f)),
    };
    const xml = renderJunit(result, OPTIONS);
    assert.doesNotMatch(xml, FORBIDDEN);
    const c = parse(xml).testsuites.testsuite.flatMap((s) => s.testcase).find((x) => x.classname === 'root-mfa');
    const clean = 'abcdefgh & <i> "j" \'k\'\tl\nm\rn 😀';
    assert.equal(c?.name, clean);
    assert.equal(c?.failure?.message, clean);
    assert.equal(c?.failure?.['#text']?.split('\n')[0], 'abcdefgh & <i> "j" \'k\'\tl');
    assert.equal(xmlText('<&>"\''), '&lt;&amp;&gt;&quot;&apos;');
    assert.equal(xmlText('a\r\nb\tc'), 'a&#13;\nb\tc', 'a raw CR would become LF in any parser');
    assert.equal(xmlAttr('a\nb\tc\rd'), 'a&#10;b&#9;c&#13;d');
  });

  it('writes the suite name in the result language and Dutch fix texts', () => {
    const doc = parse(renderJunit(nl, OPTIONS));
    const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase);
    const f = nl.findings.find((x) => x.checkId === 'root-mfa') as RenderedFinding;
    assert.ok(cases.find((c) => c.classname === 'root-mfa')?.failure?.['#text']?.includes(`Oplossing: ${f.remediation?.summary}`));
    assert.equal(cases.find((c) => c.classname === 'root-access-keys')?.skipped?.message, `Gedempt (VOLDOET NIET): ${MUTE_REASON}`);
    assert.match(cases.find((c) => c.classname === 'root-password-rotation')?.skipped?.message ?? '', /^HANDMATIG: /);
  });
});
