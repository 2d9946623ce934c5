import { statSync } from 'node:fs';
import { InputError, ShapeError } from '../errors.js';
import { importCliExport } from './cli-export.js';
import { accountFromRows, parseCredentialReportCsv } from './credential-report-csv.js';
import { fromCredentialReport } from './parts/credential-report.js';
import { parseJsonText } from './json-text.js';
import { parseEvidence } from './parse.js';
import { readInput } from './read-input.js';
import type { CredentialRowJson, Evidence, EvidenceJson } from './schema.js';
import { msg } from '../i18n/index.js';

const FLAG = '--evidence';

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

  const text = readInput(path, FLAG);
  if (/\.csv$/i.test(path) || /^\uFEFF?user,arn,/i.test(text)) return consoleCsv(parseCredentialReportCsv(text, path), stat.mtime, path);

  const json = parseJsonText(text, path);
  if (json && typeof json === 'object' && 'Content' in json && 'GeneratedTime' in json) {
    const report = atFile(path, () => fromCredentialReport(json, path));
    return reportOnly({ generatedTime: report.generatedTime, rows: report.rows }, 'aws-cli-credential-report', path);
  }
  return parseEvidence(json, path);
}

/**
 * A console CSV carries no generation time: the file's modification time stands in, marked as
 * such, unless the report holds a later date (a copied or restored file), which then stands in so
 * that no age is negative and old data is never judged fresh (docs/decisions.md).
 */
function consoleCsv(rows: CredentialRowJson[], fileTime: Date, label: string): Evidence {
  const newest = newestDate(rows);
  const fromEntry = newest !== undefined && newest > fileTime.getTime();
  const generatedTime = new Date(fromEntry ? newest : fileTime.getTime()).toISOString();
  return reportOnly({ generatedTime, generatedTimeFrom: fromEntry ? 'newestEntry' : 'fileModified', rows }, 'console-csv', label);
}

function newestDate(rows: CredentialRowJson[]): number | undefined {
  const times = rows.flatMap((r) => [r.userCreationTime, r.passwordLastUsed, r.passwordLastChanged, ...r.accessKeys.flatMap((k) => [k.lastRotated, k.lastUsed]), ...r.certificates.map((c) => c.lastRotated)]);
  const dates = times.map((t) => Date.parse(String(t))).filter((t) => !Number.isNaN(t));
  return dates.length > 0 ? Math.max(...dates) : undefined;
}

function atFile<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ShapeError) throw new InputError(msg('atFile', { path, detail: error.said }));
    throw error;
  }
}

type ReportData = { generatedTime: string; generatedTimeFrom?: 'fileModified' | 'newestEntry'; rows: CredentialRowJson[] };

// A credential report alone: every other part is absent, so its checks report ERROR (NotCollected).
function reportOnly(data: ReportData, collector: 'console-csv' | 'aws-cli-credential-report', label: string): Evidence {
  const doc: EvidenceJson = {
    schema: 'aws-lockdown/evidence@1',
    account: accountFromRows(data.rows, label) as EvidenceJson['account'],
    collectedAt: data.generatedTime,
    collector,
    parts: { credentialReport: { source: 'credential-report', action: 'iam:GetCredentialReport', observedAt: data.generatedTime, data } },
  };
  return parseEvidence(doc, label);
}
