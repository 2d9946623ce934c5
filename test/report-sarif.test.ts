import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import type { RenderedFinding, ScanResult } from '../src/engine/result.js';
import { SEVERITIES, STATUSES, type Severity, type Status } from '../src/engine/types.js';
import type { ReportOptions } from '../src/report/options.js';
import { MAX_RESULTS, renderSarif, SARIF_SCHEMA } from '../src/report/sarif.js';
import { fixedResult, HOSTILE_POLICY, HOSTILE_USER, MUTE_REASON } from './report-fixture.js';

// The official SARIF 2.1.0 schema (Microsoft's SARIF SDK), vendored from the shared schemas folder.
// strict: false because the schema lists `required` names inside anyOf branches that declare no
// `properties`, which ajv's strict mode refuses (valid JSON Schema all the same).
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(new URL('fixtures/schemas/sarif-2.1.0.json', import.meta.url), 'utf8')));

const OPTIONS: ReportOptions = { color: false, region: 'eu-west-1' };
const render = (result: ScanResult): Log => JSON.parse(renderSarif(result, OPTIONS)) as Log;
const run = (log: Log) => log.runs[0] as NonNullable<Log['runs'][number]>;

function assertValid(log: Log): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF schema errors: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
}

const en = fixedResult('en');
const nl = fixedResult('nl');
const byId = new Map(en.findings.map((f) => [f.id, f]));
const findingOf = (r: Result) => byId.get(r.partialFingerprints?.['awsLockdown/v1'] as string) as RenderedFinding;

describe('sarif reporter', () => {
  it('writes a log the official SARIF 2.1.0 schema accepts, in both languages', () => {
    for (const result of [en, nl]) {
      const log = render(result);
      assertValid(log);
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, SARIF_SCHEMA);
      assert.equal(log.runs.length, 1);
    }
  });

  it('the fixture covers every status, every severity and a muted finding', () => {
    for (const s of STATUSES) assert.ok(en.findings.some((f) => f.status === s), s);
    for (const s of SEVERITIES) assert.ok(en.findings.some((f) => f.severity === s), s);
    assert.equal(en.findings.filter((f) => f.muted).length, 1);
  });

  it('describes the tool with one rule per check, in rule-index order', () => {
    const { driver } = run(render(en)).tool;
    assert.equal(driver.name, 'aws-lockdown');
    assert.equal(driver.version, en.tool.version);
    assert.match(driver.informationUri ?? '', /^https:\/\//);
    const rules = driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id).sort(), Object.keys(en.checks).sort());
    for (const rule of rules) {
      const check = en.checks[rule.id];
      assert.ok(check);
      assert.equal(rule.shortDescription?.text, check.title);
      assert.equal(rule.fullDescription?.text, check.risk);
      assert.match(rule.name ?? '', /^[A-Z][A-Za-z0-9]+$/);
      assert.ok(rule.help?.text.includes(check.risk));
      assert.ok(rule.help?.markdown?.includes('**How to fix it**'));
      // Account-level placeholders are filled; the rest read as words, never as `{name}`.
      assert.doesNotMatch(rule.help?.text ?? '', /\{[A-Za-z]+\}/, rule.id);
      const props = rule.properties as { severity: Severity; 'security-severity': string; tags: string[] };
      assert.equal(props.severity, check.severity);
      assert.equal(props['security-severity'], { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' }[check.severity]);
      assert.ok(props.tags.includes('security'));
      assert.ok(props.tags.length <= 10, 'GitHub shows 10 tags per rule and rejects more than 20');
      for (const [framework, ids] of Object.entries(check.compliance)) {
        if (props.tags.length < 10) for (const id of ids) assert.ok(props.tags.includes(`${framework}/${id}`), `${rule.id}: ${framework}/${id}`);
      }
      const level = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' }[check.severity];
      assert.equal(rule.defaultConfiguration?.level, level);
    }
    const rootMfa = rules.find((r) => r.id === 'root-mfa');
    assert.ok((rootMfa?.properties?.tags as string[]).includes('cis-aws-v5.0.0/1.4'));
    assert.ok((rootMfa?.properties?.tags as string[]).includes('aws-securityhub/IAM.9'));
  });

  it('puts the help in the result language', () => {
    const rule = run(render(nl)).tool.driver.rules?.find((r) => r.id === 'root-mfa');
    assert.equal(rule?.shortDescription?.text, nl.checks['root-mfa']?.title);
    assert.ok(rule?.help?.markdown?.includes('**Wat het betekent**'));
    assert.ok(rule?.help?.text.includes('Zo los je het op'));
    assert.equal(run(render(nl)).language, 'nl-NL');
  });

  it('lists only FAIL, ERROR and MANUAL findings by default, with level and kind per status', () => {
    const results = run(render(en)).results ?? [];
    const expected = en.findings.filter((f) => f.status === 'FAIL' || f.status === 'ERROR' || f.status === 'MANUAL');
    assert.equal(results.length, expected.length);
    assert.deepEqual(new Set(results.map((r) => r.partialFingerprints?.['awsLockdown/v1'])), new Set(expected.map((f) => f.id)));
    const rules = run(render(en)).tool.driver.rules ?? [];
    const seen = new Set<string>();
    for (const r of results) {
      const f = findingOf(r);
      assert.equal(r.ruleId, f.checkId);
      assert.equal(rules[r.ruleIndex as number]?.id, r.ruleId);
      const level: Record<Status, string> = {
        FAIL: { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' }[f.severity],
        ERROR: 'error',
        MANUAL: 'none',
        PASS: 'none',
        NOT_APPLICABLE: 'none',
      };
      assert.equal(r.level, level[f.status], `${f.checkId} ${f.status} ${f.severity}`);
      assert.equal(r.kind, { FAIL: 'fail', ERROR: 'fail', MANUAL: 'review', PASS: 'pass', NOT_APPLICABLE: 'notApplicable' }[f.status]);
      // SARIF §3.27.10: a result that is not a failure has level "none".
      if (r.kind !== 'fail') assert.equal(r.level, 'none');
      assert.equal(r.message.text, f.message);
      seen.add(`${f.status}/${r.level}`);
    }
    for (const combo of ['FAIL/error', 'FAIL/warning', 'FAIL/note', 'ERROR/error', 'MANUAL/none']) assert.ok(seen.has(combo), combo);
  });

  it('locates each result at its resource: a logical location with the ARN and a stable pseudo path', () => {
    const results = run(render(en)).results ?? [];
    for (const r of results) {
      const f = findingOf(r);
      const location = r.locations?.[0];
      assert.deepEqual(location?.logicalLocations, [{ name: f.resource.name, fullyQualifiedName: f.resource.arn, kind: 'resource' }]);
      const uri = location?.physicalLocation?.artifactLocation?.uri ?? '';
      assert.equal(uri, `aws/123456789012/${f.resource.type}/${encodeURIComponent(f.resource.name)}`);
      assert.equal(location?.physicalLocation?.region?.startLine, 1);
      assert.doesNotMatch(uri, /[<>"\s|\\^`{}]/, 'only characters RFC 3986 allows');
    }
    const hostile = results.find((r) => findingOf(r).resource.name === HOSTILE_USER);
    assert.equal(hostile?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'aws/123456789012/AwsIamUser/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    const formula = results.find((r) => findingOf(r).resource.name === HOSTILE_POLICY);
    assert.equal(formula?.locations?.[0]?.logicalLocations?.[0]?.name, HOSTILE_POLICY);
    // The same finding gets the same fingerprint and path in another language and another scan.
    const again = run(render(nl)).results ?? [];
    assert.deepEqual(
      again.map((r) => [r.partialFingerprints, r.locations?.[0]?.physicalLocation?.artifactLocation?.uri]),
      results.map((r) => [r.partialFingerprints, r.locations?.[0]?.physicalLocation?.artifactLocation?.uri]),
    );
  });

  it('keeps muted findings, suppressed with the mutelist reason', () => {
    const results = run(render(en)).results ?? [];
    const suppressed = results.filter((r) => r.suppressions?.length);
    assert.equal(suppressed.length, 1);
    assert.deepEqual(suppressed[0]?.suppressions, [{ kind: 'external', justification: MUTE_REASON }]);
    assert.equal(findingOf(suppressed[0] as Result).checkId, 'root-access-keys');
  });

  it('with a status filter, lists exactly the filtered findings, passes as kind "pass"', () => {
    const filtered: ScanResult = { ...en, scan: { ...en.scan, statusFilter: ['PASS', 'NOT_APPLICABLE'] }, findings: en.findings.filter((f) => f.status === 'PASS' || f.status === 'NOT_APPLICABLE') };
    const log = render(filtered);
    assertValid(log);
    const results = run(log).results ?? [];
    assert.equal(results.length, filtered.findings.length);
    assert.deepEqual(new Set(results.map((r) => `${r.kind}/${r.level}`)), new Set(['pass/none', 'notApplicable/none']));
  });

  it(`keeps the ${MAX_RESULTS.toLocaleString('en')} worst results GitHub accepts, and says what it left out`, () => {
    const template = en.findings.filter((f) => f.status === 'FAIL' && !f.muted);
    const findings = Array.from({ length: 30_000 }, (_, i): RenderedFinding => {
      const f = template[i % template.length] as RenderedFinding;
      return { ...f, id: i.toString(16).padStart(16, '0'), resource: { ...f.resource, name: `${f.resource.name}-${i}`, arn: `${f.resource.arn}-${i}` } };
    });
    const big: ScanResult = { ...en, findings };
    const text = renderSarif(big, OPTIONS);
    const log = JSON.parse(text) as Log;
    const results = run(log).results ?? [];
    assert.equal(results.length, MAX_RESULTS);
    // Every kept result is at least as severe as every dropped one.
    const bigById = new Map(findings.map((f) => [f.id, f]));
    const keptIds = new Set(results.map((r) => r.partialFingerprints?.['awsLockdown/v1']));
    const keptRank = Math.max(...results.map((r) => SEVERITIES.indexOf((bigById.get(r.partialFingerprints?.['awsLockdown/v1'] as string) as RenderedFinding).severity)));
    const droppedRank = Math.min(...findings.filter((f) => !keptIds.has(f.id)).map((f) => SEVERITIES.indexOf(f.severity)));
    assert.ok(keptRank <= droppedRank, `kept down to ${SEVERITIES[keptRank]}, dropped from ${SEVERITIES[droppedRank]}`);
    const dropped = findings.length - MAX_RESULTS;
    const note = run(log).invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text ?? '';
    assert.match(note, new RegExp(`^${dropped} of 30000 results were left out`));
  });
});
