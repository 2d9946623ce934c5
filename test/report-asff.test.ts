import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CHECKS, CHECKS_BY_ID } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import { buildResult, type ScanResult } from '../src/engine/result.js';
import { placeholders } from '../src/engine/text.js';
import { STATUSES, type Status } from '../src/engine/types.js';
import { ASFF_TEXT, asffFindings, renderAsff, truncate, type AsffFinding } from '../src/report/asff.js';
import { REPORTERS } from '../src/report/index.js';
import { evidence } from './builders/evidence.js';
import { asffViolation } from './fake-aws/services/securityhub.js';
import { HOSTILE_POLICY, HOSTILE_USER, MUTE_REASON, fixedResult } from './report-fixture.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(new URL('./fixtures/schemas/asff.json', import.meta.url), 'utf8')));
const schemaErrors = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const OPTIONS = { color: false, region: 'eu-west-1' };
const render = (result: ScanResult, region = 'eu-west-1') => JSON.parse(renderAsff(result, { ...OPTIONS, region })) as AsffFinding[];
const field = (f: AsffFinding, name: string) => f.ProductFields[`aws-lockdown/${name}`];

describe('asff reporter', () => {
  const en = fixedResult('en');
  const nl = fixedResult('nl');
  const findings = render(en);
  const byStatus = (status: Status, muted = false) => {
    const found = findings.find((f) => field(f, 'Status') === status && field(f, 'Muted') === String(muted));
    assert.ok(found, `a ${status}${muted ? ' muted' : ''} finding in the fixture`);
    return found;
  };

  it('is a JSON array with one ASFF finding per finding, valid against the schema in both languages', () => {
    assert.equal(findings.length, en.findings.length);
    assert.deepEqual(schemaErrors(findings), []);
    assert.deepEqual(schemaErrors(render(nl)), []);
    // The fixture has every status: the schema saw them all.
    assert.deepEqual(new Set(findings.map((f) => field(f, 'Status'))), new Set(STATUSES));
  });

  it('passes the fake Security Hub validator too (its own hand-written rules)', () => {
    for (const f of [...findings, ...render(nl)]) assert.equal(asffViolation(f), null, f.Id);
  });

  it('the schema bites: over-long texts, a bad type namespace, a missing field and an unknown field are rejected', () => {
    const good = findings[0] as AsffFinding;
    const bad = (change: (f: Record<string, unknown>) => void) => {
      const copy = structuredClone(good) as unknown as Record<string, unknown>;
      change(copy);
      return schemaErrors([copy]);
    };
    assert.ok(bad((f) => (f.Title = 'x'.repeat(257))).some((e) => e.includes('/0/Title')));
    assert.ok(bad((f) => (f.Description = 'x'.repeat(1025))).some((e) => e.includes('/0/Description')));
    assert.ok(bad((f) => (f.Types = ['Security Checks/AWS Security Best Practices'])).some((e) => e.includes('/0/Types/0')));
    assert.ok(bad((f) => delete f.ProductArn).length > 0);
    assert.ok(bad((f) => (f.Confidence = 50)).length > 0);
    assert.ok(bad((f) => ((f.Compliance as { RelatedRequirements: string[] }).RelatedRequirements = Array.from({ length: 33 }, (_, i) => `r${i}`))).length > 0);
  });

  it('maps every status: Compliance, Workflow, RecordState and severity', () => {
    const expect: Record<Status, [compliance: string, workflow: string, record: string]> = {
      FAIL: ['FAILED', 'NEW', 'ACTIVE'],
      ERROR: ['NOT_AVAILABLE', 'NEW', 'ACTIVE'],
      MANUAL: ['WARNING', 'NEW', 'ACTIVE'],
      PASS: ['PASSED', 'RESOLVED', 'ACTIVE'],
      NOT_APPLICABLE: ['NOT_AVAILABLE', 'RESOLVED', 'ARCHIVED'],
    };
    for (const status of STATUSES) {
      const f = byStatus(status);
      assert.deepEqual([f.Compliance.Status, f.Workflow.Status, f.RecordState], expect[status], status);
      // A pass is informational, whatever the check's severity; the severity stays in Original.
      if (status === 'PASS' || status === 'NOT_APPLICABLE') assert.equal(f.Severity.Label, 'INFORMATIONAL', status);
      else assert.equal(f.Severity.Label, (field(f, 'Severity') === 'info' ? 'INFORMATIONAL' : field(f, 'Severity')?.toUpperCase()), status);
      assert.equal(f.Severity.Original, field(f, 'Severity'));
      assert.deepEqual(f.FindingProviderFields, { Severity: f.Severity, Types: f.Types });
    }
    const critical = findings.find((f) => f.GeneratorId === 'aws-lockdown/root-mfa');
    assert.deepEqual(critical?.Severity, { Label: 'CRITICAL', Original: 'critical' });
  });

  it('a muted finding stays ACTIVE, is SUPPRESSED and says why', () => {
    const f = byStatus('FAIL', true);
    assert.equal(f.GeneratorId, 'aws-lockdown/root-access-keys');
    assert.equal(f.Workflow.Status, 'SUPPRESSED');
    assert.equal(f.RecordState, 'ACTIVE');
    assert.equal(f.Compliance.Status, 'FAILED');
    assert.ok(f.Description.endsWith(`Muted: ${MUTE_REASON}`), f.Description);
    assert.equal(field(f, 'MuteReason'), MUTE_REASON);
    assert.equal(findings.filter((x) => x.Workflow.Status === 'SUPPRESSED').length, en.summary.muted);
  });

  it('ids are stable across scans and languages, unique, and follow the finding id', () => {
    const again = render(fixedResult('en'));
    assert.notEqual(again[0]?.ProductFields['aws-lockdown/ScanId'], findings[0]?.ProductFields['aws-lockdown/ScanId']);
    assert.deepEqual(again.map((f) => f.Id), findings.map((f) => f.Id));
    assert.deepEqual(render(nl).map((f) => f.Id), findings.map((f) => f.Id));
    assert.equal(new Set(findings.map((f) => f.Id)).size, findings.length);
    en.findings.forEach((f, i) => assert.equal(findings[i]?.Id, `aws-lockdown/${f.id}`));
    assert.ok(findings.every((f, i) => f.GeneratorId === `aws-lockdown/${en.findings[i]?.checkId}`));
  });

  it('ProductArn, Resources and AwsAccountId follow the account, its partition and the region', () => {
    assert.ok(findings.every((f) => f.ProductArn === 'arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default'));
    assert.ok(render(en, 'ap-southeast-2').every((f) => f.ProductArn.startsWith('arn:aws:securityhub:ap-southeast-2:')));
    assert.ok(findings.every((f) => f.AwsAccountId === '123456789012'));

    const gov = buildResult(evidence({ partition: 'aws-us-gov' }), evaluate(evidence({ partition: 'aws-us-gov' }), CHECKS), { lang: 'en', source: 'evidence', startedAt: new Date(), checks: CHECKS_BY_ID });
    const govFindings = render(gov, 'us-gov-west-1');
    assert.deepEqual(schemaErrors(govFindings), []);
    assert.ok(govFindings.every((f) => f.ProductArn === 'arn:aws-us-gov:securityhub:us-gov-west-1:123456789012:product/123456789012/default'));
    assert.ok(govFindings.every((f) => f.Resources.every((r) => r.Partition === 'aws-us-gov' && r.Id.startsWith('arn:aws-us-gov:'))));
  });

  it('resources: ASFF types where they exist, Other with the name otherwise; global IAM in the import region', () => {
    const of = (check: string, name?: string) => findings.find((f) => f.GeneratorId === `aws-lockdown/${check}` && (name === undefined || field(f, 'ResourceName') === name));
    assert.deepEqual(of('root-mfa')?.Resources, [{ Type: 'AwsAccount', Id: 'arn:aws:iam::123456789012:root', Partition: 'aws', Region: 'eu-west-1' }]);
    assert.equal(of('user-console-mfa', HOSTILE_USER)?.Resources[0]?.Type, 'AwsIamUser');
    assert.equal(of('user-console-mfa', HOSTILE_USER)?.Resources[0]?.Id, `arn:aws:iam::123456789012:user/${HOSTILE_USER}`);
    assert.equal(of('policy-full-admin', HOSTILE_POLICY)?.Resources[0]?.Type, 'AwsIamPolicy');
    assert.equal(of('password-policy-min-length')?.Resources[0]?.Type, 'AwsAccount');
    const analyzer = findings.find((f) => field(f, 'ResourceType') === 'AwsAccessAnalyzerRegion' && field(f, 'ResourceName') !== 'eu-west-1');
    assert.ok(analyzer);
    assert.equal(analyzer.Resources[0]?.Type, 'Other');
    assert.equal(analyzer.Resources[0]?.Region, field(analyzer, 'ResourceName'), 'a regional resource keeps its own region');
    assert.deepEqual(analyzer.Resources[0]?.Details, { Other: { Name: field(analyzer, 'ResourceName'), Type: 'AwsAccessAnalyzerRegion' } });
  });

  it('times: CreatedAt is when the evidence was collected, UpdatedAt when the scan finished', () => {
    assert.ok(findings.every((f) => f.CreatedAt === en.accounts[0]?.collectedAt && f.UpdatedAt === en.scan.finishedAt));
    assert.ok(Date.parse(en.scan.finishedAt) >= Date.parse(en.accounts[0]?.collectedAt ?? ''));
  });

  it('Types and RelatedRequirements come from the framework mappings', () => {
    const rootMfa = findings.find((f) => f.GeneratorId === 'aws-lockdown/root-mfa');
    assert.deepEqual(rootMfa?.Types, [
      'Software and Configuration Checks/AWS Security Best Practices',
      'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark',
    ]);
    assert.ok(rootMfa?.Compliance.RelatedRequirements?.includes('CIS AWS Foundations v5.0.0/1.4'));
    assert.ok(rootMfa?.Compliance.RelatedRequirements?.includes('AWS Security Hub/IAM.9'));
    // --compliance puts its framework first.
    const hubFirst = asffFindings(en, { region: 'eu-west-1', compliance: 'aws-securityhub' }).find((f) => f.GeneratorId === 'aws-lockdown/root-mfa');
    assert.equal(hubFirst?.Compliance.RelatedRequirements?.[0], 'AWS Security Hub/IAM.9');
    assert.deepEqual([...(hubFirst?.Compliance.RelatedRequirements ?? [])].sort(), [...(rootMfa?.Compliance.RelatedRequirements ?? [])].sort());
    // Not in any framework: best practice only, and no empty RelatedRequirements.
    const unmapped = findings.find((f) => f.GeneratorId === 'aws-lockdown/root-signing-certificates');
    assert.deepEqual(unmapped?.Types, ['Software and Configuration Checks/AWS Security Best Practices']);
    assert.equal(unmapped?.Compliance.RelatedRequirements, undefined);
  });

  it('remediation only where there is something to do, with the CLI command', () => {
    for (const f of findings) {
      const actionable = ['FAIL', 'ERROR', 'MANUAL'].includes(field(f, 'Status') ?? '');
      assert.equal(f.Remediation !== undefined, actionable, `${f.Id} ${field(f, 'Status')}`);
    }
    const withCli = findings.find((f) => f.Remediation?.Recommendation.Text.includes('Command: aws '));
    assert.ok(withCli, 'a recommendation with its command');
    assert.ok(render(nl).some((f) => f.Remediation?.Recommendation.Text.includes('Commando: aws ')));
  });

  it('ProductFields are strings, at most 50, and name check, status and evidence', () => {
    for (const f of findings) {
      const values = Object.values(f.ProductFields);
      assert.ok(values.length <= 50 && values.every((v) => typeof v === 'string' && v.length > 0));
    }
    const f = byStatus('FAIL');
    assert.equal(field(f, 'CheckId'), f.GeneratorId.replace('aws-lockdown/', ''));
    assert.equal(field(f, 'ScanSource'), 'demo');
  });

  it('Dutch: the result language, with the evidence line in Dutch', () => {
    const f = render(nl).find((x) => x.GeneratorId === 'aws-lockdown/root-mfa');
    assert.equal(f?.Title, nl.findings.find((x) => x.checkId === 'root-mfa')?.title);
    assert.match(f?.Description ?? '', /\n\nBewijs: api, waargenomen 2026-11-20T10:00:00\.000Z\.$/);
  });

  it('every label exists in both languages with the same placeholders', () => {
    assert.deepEqual(Object.keys(ASFF_TEXT.nl).sort(), Object.keys(ASFF_TEXT.en).sort());
    for (const key of Object.keys(ASFF_TEXT.en) as (keyof typeof ASFF_TEXT.en)[]) assert.deepEqual(placeholders(ASFF_TEXT.nl[key]), placeholders(ASFF_TEXT.en[key]), key);
  });

  it('truncates long texts to Security Hub limits with …, counting characters, not UTF-16 units', () => {
    const result = structuredClone(en);
    const target = result.findings.find((f) => f.remediation) as ScanResult['findings'][number];
    target.title = `🔐${'T'.repeat(400)}`;
    target.message = '€'.repeat(3000);
    (target.remediation as NonNullable<typeof target.remediation>).summary = 'S'.repeat(800);
    const out = render(result).find((f) => f.Id === `aws-lockdown/${target.id}`) as AsffFinding;
    assert.equal(Array.from(out.Title).length, 256);
    assert.ok(out.Title.startsWith('🔐T') && out.Title.endsWith('…'));
    assert.equal(Array.from(out.Description).length, 1024);
    assert.ok(out.Description.endsWith('…'));
    assert.equal(Array.from(out.Remediation?.Recommendation.Text ?? '').length, 512);
    assert.deepEqual(schemaErrors([out]), []);
    assert.equal(asffViolation(out), null);
    // A cut never splits a surrogate pair.
    assert.equal(truncate('😀'.repeat(10), 5), `${'😀'.repeat(4)}…`);
    assert.equal(truncate('short', 5), 'short');
  });

  it('a --status filter exports only the listed findings', () => {
    const filtered = structuredClone(en);
    filtered.findings = filtered.findings.filter((f) => f.status === 'FAIL');
    const out = render(filtered);
    assert.ok(out.length > 0 && out.every((f) => f.Compliance.Status === 'FAILED'));
  });

  it('is registered as --format asff and is pure: the same result renders the same text', () => {
    assert.equal(REPORTERS.asff.extension, 'asff.json');
    assert.equal(REPORTERS.asff.render(en, OPTIONS), renderAsff(en, OPTIONS));
    assert.deepEqual(JSON.parse(renderAsff(en, OPTIONS)), asffFindings(en, OPTIONS));
  });
});
