import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { CHECKS, CHECKS_BY_ID } from '../src/checks/registry.js';
import { rootEmailDomain } from '../src/checks/root-email-domain.js';
import { rootMfa } from '../src/checks/root-mfa.js';
import { configSchema } from '../src/config/config.js';
import { defineCheck, type Check } from '../src/engine/check.js';
import { evaluate } from '../src/engine/evaluate.js';
import { findingId } from '../src/engine/finding-id.js';
import { buildResult } from '../src/engine/result.js';
import { defineText } from '../src/engine/text.js';
import { ACCOUNT_ID, daysAgo, evidence, failed, ok } from './builders/evidence.js';

const text = defineText({
  en: { title: 'T', risk: 'R', fixSummary: 'F', fixSteps: ['S'], messages: { ok: 'ok' } },
  nl: { title: 'T', risk: 'R', fixSummary: 'F', fixSteps: ['S'], messages: { ok: 'ok' } },
});

describe('evaluate', () => {
  it('turns unreadable evidence into one ERROR on the check resource, naming code and action', () => {
    const ev = evidence({ parts: { passwordPolicy: failed('AccessDenied', 'iam:GetAccountPasswordPolicy') } });
    const [finding, ...rest] = evaluate(ev, [CHECKS_BY_ID.get('password-policy-min-length')!]);
    assert.equal(rest.length, 0);
    assert.equal(finding?.status, 'ERROR');
    assert.equal(finding?.messageId, 'engine.evidenceUnavailable');
    assert.deepEqual([finding?.params.part, finding?.params.code, finding?.params.action], ['passwordPolicy', 'AccessDenied', 'iam:GetAccountPasswordPolicy']);
    assert.equal(finding?.resource.type, 'AwsIamPasswordPolicy');
  });

  it('turns a throwing check into ERROR, never silence', () => {
    const broken = defineCheck({ id: 'broken', severity: 'low', resourceType: 'AwsAccount', text, evaluate: () => { throw new Error('boom'); } });
    const [finding] = evaluate(evidence(), [broken]);
    assert.equal(finding?.status, 'ERROR');
    assert.equal(finding?.messageId, 'engine.checkCrashed');
    assert.equal(finding?.params.errorMessage, 'boom');
  });

  it('turns two verdicts on one resource into one ERROR naming check and verdicts, and goes on', () => {
    const twice = defineCheck({
      id: 'twice',
      severity: 'low',
      resourceType: 'AwsAccount',
      text,
      evaluate: (_ev, ctx) => [ctx.pass(ctx.resources.account(), 'ok'), ctx.pass(ctx.resources.root(), 'ok'), ctx.fail(ctx.resources.account(), 'ok')],
    });
    const findings = evaluate(evidence(), [twice, rootMfa]);
    assert.deepEqual(findings.map((f) => [f.checkId, f.resource.type, f.status]), [['twice', 'AwsAccount', 'ERROR'], ['twice', 'AwsAccountRoot', 'PASS'], ['root-mfa', 'AwsAccountRoot', 'PASS']]);
    const [error] = findings;
    assert.equal(error?.messageId, 'engine.judgedTwice');
    assert.deepEqual([error?.params.checkId, error?.params.count, error?.params.statuses], ['twice', 2, { list: ['PASS', 'FAIL'] }]);
    const ev = evidence();
    const result = buildResult(ev, findings, { lang: 'en', source: 'evidence', startedAt: new Date(), checks: new Map<string, Check>([['twice', twice], ['root-mfa', rootMfa]]) });
    assert.equal(result.findings[0]?.message, 'Check twice reached 2 verdicts on this resource (PASS and FAIL); the evidence may name it twice. Not judged.');
  });

  it('gives stable finding ids: sha256(partition|account|check|arn), 16 hex', () => {
    const [finding] = evaluate(evidence(), [rootMfa]);
    const expected = createHash('sha256').update(`aws|${ACCOUNT_ID}|root-mfa|arn:aws:iam::${ACCOUNT_ID}:root`).digest('hex').slice(0, 16);
    assert.equal(finding?.id, expected);
    assert.equal(findingId('aws', ACCOUNT_ID, 'root-mfa', `arn:aws:iam::${ACCOUNT_ID}:root`), expected);
    const [again] = evaluate(evidence({ root: { mfa: false }, summary: { AccountMFAEnabled: 0 } }), [rootMfa]);
    assert.equal(again?.id, expected, 'the id does not depend on the verdict');
  });

  it('fills compliance from the framework files', () => {
    const [finding] = evaluate(evidence(), [rootMfa]);
    assert.deepEqual(finding?.compliance['cis-aws-v5.0.0'], ['1.4']);
    assert.deepEqual(finding?.compliance['cis-aws-v3.0.0'], ['1.5']);
    assert.deepEqual(finding?.compliance['aws-securityhub'], ['IAM.9']);
  });

  it('records where evidence came from and when: the report generation time, the config file', () => {
    const ev = evidence();
    const [mfa] = evaluate(ev, [rootMfa]);
    assert.ok(mfa?.evidence.some((e) => e.part === 'accountSummary' && e.source === 'api' && e.action === 'iam:GetAccountSummary'));
    // The config's address where no API tells it (an API address that differs would be ERROR).
    const [email] = evaluate(evidence({ parts: { accountEmail: ok(null) } }), [rootEmailDomain], { config: configSchema.parse({ account: { email: 'root@corp.example', companyDomains: ['corp.example'] } }) });
    assert.equal(email?.status, 'PASS');
    assert.deepEqual(email?.evidence.map((e) => [e.part, e.source]), [['config.account.email', 'config'], ['config.account.companyDomains', 'config']]);
    const report = evaluate(ev, [CHECKS_BY_ID.get('user-console-mfa')!])[0];
    assert.equal(report?.evidence[0]?.source, 'credential-report');
    assert.equal(report?.evidence[0]?.observedAt, daysAgo(0.05));
  });

  it('judges time from the evidence, not from the clock', () => {
    const ev = evidence({ users: [{ name: 'old', key1: { active: true, lastRotated: daysAgo(100), lastUsed: daysAgo(1) } }] });
    const check = CHECKS_BY_ID.get('user-access-key-rotation')!;
    assert.equal(evaluate(ev, [check])[0]?.status, 'FAIL');
    assert.equal(evaluate(ev, [check], { now: new Date(Date.parse(daysAgo(20))) })[0]?.status, 'PASS');
  });

  it('runs every check on the hardened base without a FAIL or ERROR', () => {
    const bad = evaluate(evidence(), CHECKS).filter((f) => f.status === 'FAIL' || f.status === 'ERROR');
    assert.deepEqual(bad.map((f) => `${f.checkId} ${f.resource.name} ${f.messageId}`), []);
  });
});

describe('buildResult', () => {
  const ev = evidence({ root: { mfa: false }, summary: { AccountMFAEnabled: 0 } });
  const findings = evaluate(ev, CHECKS);
  const result = (lang: 'en' | 'nl') => buildResult(ev, findings, { lang, source: 'evidence', startedAt: new Date(), checks: CHECKS_BY_ID });

  it('puts findings into words in both languages with the same ids', () => {
    const en = result('en').findings.find((f) => f.checkId === 'root-mfa')!;
    const nl = result('nl').findings.find((f) => f.checkId === 'root-mfa')!;
    assert.equal(en.id, nl.id);
    assert.notEqual(en.message, nl.message);
    assert.doesNotMatch(en.message + nl.message, /\{[a-zA-Z]+\}/, 'no placeholder left unfilled');
  });

  it('gives remediation only where there is something to do, with the root-only note first', () => {
    const r = result('en');
    const mfa = r.findings.find((f) => f.checkId === 'root-mfa')!;
    assert.equal(mfa.status, 'FAIL');
    assert.match(mfa.remediation?.steps[0] ?? '', /Only the root user/);
    assert.equal(r.findings.find((f) => f.status === 'PASS')?.remediation, null);
  });

  it('counts by status, by severity (unmuted FAIL) and by both', () => {
    const r = result('en');
    const total = Object.values(r.summary.byStatus).reduce((a, b) => a + b, 0);
    assert.equal(total, findings.length);
    assert.equal(r.summary.bySeverity.critical, findings.filter((f) => f.severity === 'critical' && f.status === 'FAIL').length);
    assert.equal(r.summary.bySeverityAndStatus.critical.FAIL, r.summary.bySeverity.critical);
    assert.equal(r.accounts[0]?.credentialReportGeneratedAt, daysAgo(0.05));
  });

  it('fills CLI commands with the real account and partition', () => {
    const gov = evidence({ partition: 'aws-us-gov', users: [{ name: 'carol', password: true, mfa: false, groups: ['developers'] }] });
    const r = buildResult(gov, evaluate(gov, [CHECKS_BY_ID.get('user-console-mfa')!]), { lang: 'en', source: 'evidence', startedAt: new Date(), checks: CHECKS_BY_ID });
    const cli = r.findings[0]?.remediation?.cli ?? '';
    assert.match(cli, /arn:aws-us-gov:iam::123456789012:mfa\/carol/);
    assert.match(r.findings[0]?.remediation?.steps.join(' ') ?? '', /console\.amazonaws-us-gov\.com/);
  });
});
