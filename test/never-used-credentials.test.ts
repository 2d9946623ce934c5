import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { userUnusedCredentials } from '../src/checks/user-unused-credentials.js';
import { userSetupAccessKey } from '../src/checks/user-setup-access-key.js';
import { rootRecentUse } from '../src/checks/root-recent-use.js';
import type { Check } from '../src/engine/check.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Finding } from '../src/engine/types.js';
import { parseCredentialReportCsv } from '../src/evidence/credential-report-csv.js';
import { parseEvidence } from '../src/evidence/parse.js';
import { formatMessage, type Lang } from '../src/i18n/index.js';

// A credential report as the IAM console downloads it (issue 10, defect 1): a console user invited
// yesterday who has not signed in yet (`password_last_used` = no_information), one invited 100
// days ago who never did, and an access key created 100 days ago and never used (`N/A`).
const GENERATED = '2026-11-20T10:00:00+00:00';
const CSV = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  '<root_account>,arn:aws:iam::123456789012:root,2019-01-10T09:12:44+00:00,not_supported,no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'anna.bakker,arn:aws:iam::123456789012:user/anna.bakker,2026-11-19T08:30:02+00:00,true,no_information,2026-11-19T08:30:03+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'bram.visser,arn:aws:iam::123456789012:user/bram.visser,2026-08-12T09:00:00+00:00,true,no_information,2026-08-12T09:00:01+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'etl-loader,arn:aws:iam::123456789012:user/etl-loader,2025-01-06T14:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-08-12T09:30:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'carla.smit,arn:aws:iam::123456789012:user/carla.smit,2024-03-02T10:00:00+00:00,true,2026-11-18T07:45:10+00:00,2024-03-02T10:00:00+00:00,N/A,true,true,2026-11-19T10:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
].join('\r\n');

const evidence = parseEvidence(
  {
    schema: 'aws-lockdown/evidence@1',
    account: { id: '123456789012', partition: 'aws' },
    collectedAt: GENERATED,
    collector: 'console-csv',
    parts: { credentialReport: { source: 'credential-report', action: 'iam:GetCredentialReport', observedAt: GENERATED, data: { generatedTime: GENERATED, rows: parseCredentialReportCsv(CSV, 'report.csv') } } },
  },
  'report.csv',
);

function finding(check: Check, user: string): Finding {
  const found = evaluate(evidence, [check]).find((f) => f.resource.name === user);
  assert.ok(found, `no ${check.id} finding for ${user}`);
  return found;
}

function said(check: Check, f: Finding, lang: Lang): string {
  const template = (check.text[lang].messages as Record<string, string>)[f.messageId] as string;
  return formatMessage(lang, template, { ...f.params, resourceName: f.resource.name });
}

describe('never-used credentials count from when they were set (issue 10, defect 1)', () => {
  it('a console user invited yesterday passes: never used, set 1 day ago', () => {
    const f = finding(userUnusedCredentials, 'anna.bakker');
    assert.equal(f.status, 'PASS');
    assert.equal(f.params.days, 1);
    assert.match(said(userUnusedCredentials, f, 'en'), /: password \(never used, set 1 day ago\)\.$/);
    assert.match(said(userUnusedCredentials, f, 'nl'), /: wachtwoord \(nooit gebruikt, 1 dag geleden ingesteld\)\.$/);
  });

  it('a console user invited 100 days ago who never signed in fails with 100 days, not the years since 2014', () => {
    const f = finding(userUnusedCredentials, 'bram.visser');
    assert.equal(f.status, 'FAIL');
    assert.equal(f.params.days, 100);
    assert.equal(
      said(userUnusedCredentials, f, 'en'),
      'User bram.visser has credentials unused for 100 days or more (limit 45): password (never used, set 100 days ago).',
    );
    assert.equal(
      said(userUnusedCredentials, f, 'nl'),
      'Gebruiker bram.visser heeft credentials die 100 dagen of langer niet zijn gebruikt (grens 45): wachtwoord (nooit gebruikt, 100 dagen geleden ingesteld).',
    );
  });

  it('an access key created 100 days ago and never used fails with 100 days', () => {
    const f = finding(userUnusedCredentials, 'etl-loader');
    assert.equal(f.status, 'FAIL');
    assert.equal(f.params.days, 100);
    assert.match(said(userUnusedCredentials, f, 'en'), /: access key 1 \(never used, set 100 days ago\)\.$/);
  });

  it('a key made yesterday beside a password in use passes, and counts as a never-used setup key', () => {
    const f = finding(userUnusedCredentials, 'carla.smit');
    assert.equal(f.status, 'PASS');
    assert.match(said(userUnusedCredentials, f, 'en'), /password \(last used 2 days ago\) and access key 1 \(never used, set 1 day ago\)\.$/);
    assert.equal(finding(userSetupAccessKey, 'carla.smit').status, 'FAIL');
  });

  it('root with no recorded password use (no_information) has not used root recently', () => {
    const f = evaluate(evidence, [rootRecentUse])[0];
    assert.equal(f?.status, 'PASS');
    assert.equal(f?.messageId, 'neverUsed');
  });
});
