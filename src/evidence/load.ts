import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { importCliExport } from './cli-export.js';
import { accountFromRows, parseCredentialReportCsv } from './credential-report-csv.js';
import { fromCredentialReport } from './parts/credential-report.js';
import { parseEvidence } from './parse.js';
import type { CredentialRowJson, Evidence, EvidenceJson } from './schema.js';
import { msg } from '../i18n/index.js';

/**
 * Loads evidence from any of the offline sources (SPEC §4): a saved evidence JSON file, an AWS
 * CLI export folder, a credential report CSV from the IAM console, or the CLI's own
 * `get-credential-report` output. Each becomes the same validated document.
 */
export function loadEvidence(path: string): Evidence {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(msg('noSuchPath', { path }));
  }
  if (stat.isDirectory()) return importCliExport(path);

  const text = readFileSync(path, 'utf8');
  const observedAt = stat.mtime.toISOString();
  if (/\.csv$/i.test(path) || /^\uFEFF?user,arn,/i.test(text)) return reportOnly(parseCredentialReportCsv(text, path), observedAt, observedAt, path);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(msg('notJson', { path, detail: (error as Error).message }));
  }
  if (json && typeof json === 'object' && 'Content' in json && 'GeneratedTime' in json) {
    const report = fromCredentialReport(json, path);
    return reportOnly(report.rows, report.generatedTime, report.generatedTime, path);
  }
  return parseEvidence(json, path);
}

// A credential report alone: every other part is absent, so its checks report ERROR (NotCollected).
function reportOnly(rows: CredentialRowJson[], generatedTime: string, collectedAt: string, label: string): Evidence {
  const doc: EvidenceJson = {
    schema: 'aws-lockdown/evidence@1',
    account: accountFromRows(rows, label) as EvidenceJson['account'],
    collectedAt,
    collector: 'console-csv',
    parts: { credentialReport: { source: 'credential-report', action: 'iam:GetCredentialReport', observedAt: generatedTime, data: { generatedTime, rows } } },
  };
  return parseEvidence(doc, label);
}
