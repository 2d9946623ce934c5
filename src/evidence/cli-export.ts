import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { InputError, ShapeError } from '../errors.js';
import { NO_ALTERNATE_CONTACT, NO_PASSWORD_POLICY, NOT_IN_ORGANIZATION, ORGANIZATIONS_FEATURES_STATES } from './aws-errors.js';
import { EXPORT_CALLS, EXPORT_METADATA_FILE, type ExportCall } from './cli-export-manifest.js';
import * as aws from './normalise.js';
import { parseEvidence } from './parse.js';
import { evidenceDocument, partSchemas, type Evidence, type EvidenceJson, type PartName } from './schema.js';
import { toIso } from './timestamps.js';
import { firstIssue } from './zod-issue.js';
import { msg, say } from '../i18n/index.js';

type PartJson = { error: { code: string; message: string; action?: string } } | { source: 'api' | 'credential-report'; action: string; observedAt: string; data: unknown };
type Read = { ok: true; json: unknown; file: string } | { ok: false; code: string; message: string; file: string };

/** `An error occurred (Code) when calling the Op operation[ (reached max retries: 4)]: message` */
export function parseCliError(text: string): { code: string; message: string } {
  const match = /An error occurred \(([^)]+)\) when calling the \w+ operation(?: \([^)]*\))?: ?(.*)/s.exec(text);
  if (match) return { code: match[1] as string, message: (match[2] as string).trim() };
  if (/Invalid choice|argument operation: /.test(text)) {
    // Evidence keeps error messages in English, as AWS gives its own.
    return { code: 'CommandNotAvailable', message: say('en', msg('cliCommandMissing')) };
  }
  if (/Could not connect to the endpoint URL/.test(text)) return { code: 'EndpointConnectionError', message: text.trim().split('\n')[0] ?? '' };
  return { code: 'CliError', message: text.trim().split('\n')[0] || 'the AWS CLI failed without a message' };
}

/** Reads a folder written by the `lockdown evidence commands` script. */
export function importCliExport(dir: string): Evidence {
  const read = (name: string): Read => {
    const json = join(dir, `${name}.json`);
    const error = join(dir, `${name}.error.txt`);
    if (existsSync(json)) {
      const text = readFileSync(json, 'utf8');
      try {
        return { ok: true, json: JSON.parse(text), file: json };
      } catch {
        // Hand-made folders sometimes hold the CLI's error text in the .json file itself.
        if (text.includes('An error occurred (')) return { ok: false, ...parseCliError(text), file: json };
        throw new InputError(msg('notJsonShort', { path: json }));
      }
    }
    if (existsSync(error)) return { ok: false, ...parseCliError(readFileSync(error, 'utf8')), file: error };
    throw new InputError(msg('folderMissingFile', { dir, name }));
  };

  const identity = read('sts-get-caller-identity');
  if (!identity.ok) throw new InputError(msg('exportNoIdentity', { file: identity.file, code: identity.code, detail: identity.message }));
  const account = convert(identity.file, () => aws.fromCallerIdentity(identity.json));
  const collectedAt = exportTime(dir, identity.file);

  const parts: Partial<Record<PartName, PartJson>> = {};
  const ok = (call: ExportCall, data: unknown, observedAt = collectedAt): PartJson => ({ source: 'api', action: call.action, observedAt, data });
  const failed = (call: ExportCall, r: Extract<Read, { ok: false }>): PartJson => ({ error: { code: r.code, message: r.message, action: call.action } });
  const calls = (file: string) => EXPORT_CALLS.find((c) => c.file === file) as ExportCall;

  for (const call of EXPORT_CALLS) {
    if (!call.part || call.perRegion || call.part === 'accountEmail') continue;
    const r = read(call.file);
    let part: PartJson;
    if (r.ok) {
      part = convert(r.file, () => okPart(call, r, ok, collectedAt));
    } else {
      const fact = factFromError(call.part, r.code);
      part = fact ? ok(call, fact.data) : failed(call, r);
    }
    parts[call.part] = validate(call.part, part, r.file);
  }

  // The root e-mail: either call may be allowed; the first that answered wins.
  const emailReads = [calls('organizations-describe-account'), calls('account-get-primary-email')].map((c) => ({ c, r: read(c.file) }));
  const answered = emailReads.find((e) => e.r.ok);
  if (answered && answered.r.ok) {
    const { c, r } = answered as { c: ExportCall; r: Extract<Read, { ok: true }> };
    parts.accountEmail = validate('accountEmail', ok(c, convert(r.file, () => c.file.startsWith('organizations') ? aws.fromDescribeAccount(r.json) : aws.fromPrimaryEmail(r.json))), r.file);
  } else {
    const first = emailReads[0] as { c: ExportCall; r: Extract<Read, { ok: false }> };
    parts.accountEmail = failed(first.c, first.r);
  }

  const regionsPart = parts.regions;
  const regions = regionsPart && 'data' in regionsPart ? (regionsPart.data as string[]) : [];
  const accessAnalyzers: Record<string, PartJson> = {};
  const instances: unknown[] = [];
  let instancesError: PartJson | undefined;
  for (const region of regions) {
    const analyzerCall = calls('accessanalyzer-list-analyzers-{region}');
    const a = read(analyzerCall.file.replace('{region}', region));
    // Regional files are validated one by one so that an error names the file, not just the folder.
    if (a.ok) {
      const part = ok(analyzerCall, convert(a.file, () => aws.fromAnalyzers(a.json)));
      check(evidenceDocument.shape.accessAnalyzers, { [region]: part }, a.file);
      accessAnalyzers[region] = part;
    } else {
      accessAnalyzers[region] = failed(analyzerCall, a);
    }
    const ssoCall = calls('sso-admin-list-instances-{region}');
    const s = read(ssoCall.file.replace('{region}', region));
    if (s.ok) {
      const found = convert(s.file, () => aws.fromIdentityCenterInstances(s.json));
      validate('identityCenterInstances', ok(ssoCall, found), s.file);
      instances.push(...found);
    } else {
      instancesError ??= failed(ssoCall, s);
    }
  }
  // Identity Center lives in one region; an unreadable region could hide it, so it is an error.
  parts.identityCenterInstances =
    regionsPart && 'error' in regionsPart ? { error: { ...regionsPart.error, action: 'sso:ListInstances' } } : (instancesError ?? ok(calls('sso-admin-list-instances-{region}'), instances));

  const doc: EvidenceJson = {
    schema: 'aws-lockdown/evidence@1',
    account: account as EvidenceJson['account'],
    collectedAt,
    collector: 'aws-cli-export',
    parts: parts as EvidenceJson['parts'],
    accessAnalyzers: accessAnalyzers as EvidenceJson['accessAnalyzers'],
  };
  return parseEvidence(doc, `evidence folder ${dir}`);
}

function okPart(call: ExportCall, r: Extract<Read, { ok: true }>, ok: (c: ExportCall, d: unknown, at?: string) => PartJson, collectedAt: string): PartJson {
  switch (call.part) {
    case 'credentialReport': {
      const report = aws.fromCredentialReport(r.json, r.file);
      return { source: 'credential-report', action: call.action, observedAt: report.generatedTime, data: report };
    }
    case 'accountSummary': return ok(call, aws.fromAccountSummary(r.json));
    case 'passwordPolicy': return ok(call, aws.fromPasswordPolicy(r.json));
    case 'virtualMfaDevices': return ok(call, aws.fromVirtualMfaDevices(r.json));
    case 'authorizationDetails': return ok(call, aws.fromAuthorizationDetails(r.json));
    case 'serverCertificates': return ok(call, aws.fromServerCertificates(r.json));
    case 'alternateContactSecurity':
    case 'alternateContactBilling':
    case 'alternateContactOperations': return ok(call, aws.fromAlternateContact(r.json));
    case 'organization': return ok(call, aws.fromOrganization(r.json));
    case 'organizationsFeatures': return ok(call, aws.fromOrganizationsFeatures(r.json));
    case 'regions': return ok(call, aws.fromRegions(r.json));
    default: return ok(call, r.json, collectedAt);
  }
}

/** Error codes that are facts, not failures (see aws-errors.ts). */
export function factFromError(part: PartName, code: string): { data: unknown } | undefined {
  if (part === 'passwordPolicy' && NO_PASSWORD_POLICY.has(code)) return { data: null };
  if (part.startsWith('alternateContact') && NO_ALTERNATE_CONTACT.has(code)) return { data: null };
  if (part === 'organization' && NOT_IN_ORGANIZATION.has(code)) return { data: null };
  const state = ORGANIZATIONS_FEATURES_STATES[code];
  if (part === 'organizationsFeatures' && state) return { data: { state } };
  return undefined;
}

function convert<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(msg('atFile', { path: file, detail: error instanceof ShapeError ? error.said : (error as Error).message }));
  }
}

function validate(part: PartName, value: PartJson, file: string): PartJson {
  check(partSchemas[part], value, file);
  return value;
}

function check(schema: z.ZodType, value: unknown, file: string): void {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new InputError(msg('atFile', { path: file, detail: firstIssue(result.error).said }));
}

function exportTime(dir: string, fallbackFile: string): string {
  const metadata = join(dir, EXPORT_METADATA_FILE);
  if (existsSync(metadata)) {
    const collectedAt = convert(metadata, () => (JSON.parse(readFileSync(metadata, 'utf8')) as { collectedAt?: unknown }).collectedAt);
    return convert(metadata, () => toIso(collectedAt, 'collectedAt'));
  }
  return statSync(fallbackFile).mtime.toISOString();
}
