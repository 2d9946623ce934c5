import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { InputError, ShapeError } from '../errors.js';
import { msg, say } from '../i18n/index.js';
import { fromCallerIdentity } from './caller-identity.js';
import { EXPORT_METADATA_FILE } from './cli-export-manifest.js';
import { parseEvidence } from './parse.js';
import type { ExportCall, PartDef, PartJson } from './parts/define.js';
import { parseJsonText } from './json-text.js';
import { readInput, readJsonInput } from './read-input.js';
import { IDENTITY_CALL, PARTS, REGIONAL_RECORDS } from './parts/index.js';
import { mergeRegions, regionsUnknown } from './parts/regional.js';
import { evidenceDocument, partSchemas, type Evidence, type EvidenceJson, type PartName } from './schema.js';
import { toIso } from './timestamps.js';
import { firstIssue } from './zod-issue.js';

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

/** Reads a folder written by the `lockdown evidence commands` script, part by part (./parts/). */
export function importCliExport(dir: string): Evidence {
  const present = (name: string) => existsSync(join(dir, `${name}.json`)) || existsSync(join(dir, `${name}.error.txt`));
  const read = (name: string): Read => {
    const json = join(dir, `${name}.json`);
    const error = join(dir, `${name}.error.txt`);
    if (existsSync(json)) {
      // The script writes one of the two; both means runs were mixed, and which is true cannot be told.
      if (existsSync(error)) throw new InputError(msg('exportAnsweredTwice', { first: json, second: error, action: actionOf(name) }));
      const text = readInput(json, FLAG);
      // Hand-made folders sometimes hold the CLI's error text in the .json file itself.
      if (!/^\s*[[{]/.test(text) && text.includes('An error occurred (')) return { ok: false, ...parseCliError(text), file: json };
      return { ok: true, json: parseJsonText(text, json), file: json };
    }
    if (existsSync(error)) return { ok: false, ...parseCliError(readInput(error, FLAG)), file: error };
    throw new InputError(msg('folderMissingFile', { dir, name }));
  };

  const identity = read(IDENTITY_CALL.file);
  if (!identity.ok) throw new InputError(msg('exportNoIdentity', { file: identity.file, code: identity.code, detail: identity.message }));
  const account = convert(identity.file, () => fromCallerIdentity(identity.json));
  const collectedAt = exportTime(dir, identity.file);

  const answer = (def: PartDef, call: ExportCall, r: Read, region?: string): PartJson => {
    if (!r.ok) return { error: { code: r.code, message: r.message, action: call.action } };
    const marker = truncation(r.json);
    if (marker) return { error: { code: 'TruncatedExport', message: say('en', msg('truncatedExport', { file: basename(r.file), marker })), action: call.action } };
    for (const name of convert(r.file, () => call.identify?.(r.json, { region, accountId: account.id }) ?? [])) {
      if (name.found !== undefined && name.found !== name.expected) {
        throw new InputError(msg('wrongAnswer', { path: r.file, field: name.field, found: JSON.stringify(name.found), expected: JSON.stringify(name.expected) }));
      }
    }
    const data = convert(r.file, () => call.normalise(r.json, r.file));
    return { source: def.source ?? 'api', action: call.action, observedAt: def.observedAt ? def.observedAt(data) : collectedAt, data };
  };

  // A part's calls in order; the first that answered is the part, and every other that answered
  // must tell the same fact, or the folder is refused (issue 11: contradictions are never settled
  // by order). A failure that is a fact (no password policy, no organisation…) is data. An export
  // from before a call was renamed is read through the call's legacy file.
  const importPart = (name: PartName, def: PartDef): PartJson => {
    let calls = def.exports.filter((c) => !c.legacy);
    const legacy = def.exports.filter((c) => c.legacy);
    const current = calls.find((c) => present(c.file));
    const old = legacy.find((c) => present(c.file));
    // The script writes only the current call: a legacy file beside it is left from an older run.
    if (current && old) throw new InputError(msg('exportAnsweredTwice', { first: answerFile(dir, current.file), second: answerFile(dir, old.file), action: current.action }));
    if (!current && old) calls = legacy;
    const reads = calls.map((call) => ({ call, r: read(call.file) }));
    const [answered, ...others] = reads.filter((e) => e.r.ok);
    // Validated once, with the whole document below; a problem is then reported at this file.
    if (answered) {
      fileOf.set(name, answered.r.file);
      const part = answer(def, answered.call, answered.r);
      for (const other of others) agree(name, def, { file: answered.r.file, part }, { file: other.r.file, part: answer(def, other.call, other.r) });
      return part;
    }
    const { call, r } = reads[0] as { call: ExportCall; r: Extract<Read, { ok: false }> };
    fileOf.set(name, r.file);
    if (def.facts && Object.hasOwn(def.facts, r.code)) return fact(def, call, r.code, collectedAt);
    return answer(def, call, r);
  };

  const parts: Partial<Record<PartName, PartJson>> = {};
  const fileOf = new Map<string, string>();
  // Organisation-only parts (ORGANIZATION_PARTS) have no export call: an export folder never holds them.
  const names = Object.keys(PARTS) as (keyof typeof PARTS)[];
  for (const name of names) if (!PARTS[name].regional) parts[name] = importPart(name, PARTS[name]);

  const regionsPart = parts.regions as PartJson;
  const regions = 'data' in regionsPart ? (regionsPart.data as string[]) : [];
  const perRegion = (def: PartDef, check: (part: PartJson, region: string, file: string) => void): Record<string, PartJson> => {
    const call = def.exports[0] as ExportCall;
    return Object.fromEntries(
      regions.map((region) => {
        const r = read(call.file.replace('{region}', region));
        const part = answer(def, call, r, region);
        // Regional files are validated one by one so that an error names the file, not just the folder.
        if ('data' in part) check(part, region, r.file);
        return [region, part];
      }),
    );
  };
  for (const name of names) {
    const def = PARTS[name];
    if (!def.regional) continue;
    parts[name] = 'error' in regionsPart ? regionsUnknown(def, regionsPart) : mergeRegions(def, perRegion(def, (part, _r, file) => validate(name, part, file)), collectedAt);
  }
  const records: Record<string, Record<string, PartJson>> = {};
  for (const [key, def] of Object.entries(REGIONAL_RECORDS)) {
    const shape = evidenceDocument.shape[key as keyof typeof REGIONAL_RECORDS];
    records[key] = perRegion(def, (part, region, file) => check(shape, { [region]: part }, file));
  }

  const doc: EvidenceJson = {
    schema: 'aws-lockdown/evidence@1',
    account: account as EvidenceJson['account'],
    collectedAt,
    collector: 'aws-cli-export',
    parts: parts as EvidenceJson['parts'],
    ...(records as Pick<EvidenceJson, 'accessAnalyzers'>),
  };
  // A problem inside a part is reported at the file it came from, else at the folder.
  return parseEvidence(doc, `evidence folder ${dir}`, (part) => fileOf.get(part));
}

const FLAG = '--evidence';

/** The file that holds a call's answer: its JSON, else its error text. */
function answerFile(dir: string, file: string): string {
  const json = join(dir, `${file}.json`);
  return existsSync(json) ? json : join(dir, `${file}.error.txt`);
}

/** The IAM action of the export call that writes `<file>` (a `{region}` file by its pattern). */
function actionOf(file: string): string {
  if (file === IDENTITY_CALL.file) return IDENTITY_CALL.action;
  const calls = [...Object.values(PARTS), ...Object.values(REGIONAL_RECORDS)].flatMap((p) => p.exports);
  const call = calls.find((c) => c.file === file || new RegExp(`^${c.file.replace('{region}', '[a-z0-9-]+')}$`).test(file));
  return call?.action ?? file;
}

/**
 * What marks an answer as one page of several: the AWS CLI adds `NextToken` when `--max-items`
 * stopped it; with `--no-paginate` the API's own `IsTruncated`/`Marker` (IAM) or
 * `NextToken`/`nextToken` (Account, SSO, Access Analyzer) stay in. A complete answer has none
 * of them, or `IsTruncated: false`.
 */
function truncation(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const answer = json as Record<string, unknown>;
  if (answer.IsTruncated === true) return 'IsTruncated: true';
  return ['NextToken', 'nextToken', 'Marker'].find((key) => typeof answer[key] === 'string' && answer[key] !== '');
}

/** Two calls that both answered one part's fact must tell the same; else exit 2 naming both files and values. */
function agree(part: PartName, def: PartDef, first: { file: string; part: PartJson }, second: { file: string; part: PartJson }): void {
  if (!('data' in first.part) || !('data' in second.part)) return;
  // Both are checked against the part's shape first, so what is compared is what would be judged.
  validate(part, first.part, first.file);
  validate(part, second.part, second.file);
  const tells = (data: unknown) => (def.tells ? def.tells(data) : JSON.stringify(data));
  const [firstValue, secondValue] = [tells(first.part.data), tells(second.part.data)];
  if (firstValue !== secondValue) throw new InputError(msg('exportContradicts', { first: first.file, firstValue, second: second.file, secondValue, part }));
}

function fact(def: PartDef, call: ExportCall, code: string, observedAt: string): PartJson {
  return { source: 'api', action: call.action, observedAt, data: def.facts?.[code] };
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
    const collectedAt = convert(metadata, () => (readJsonInput(metadata, FLAG) as { collectedAt?: unknown } | null)?.collectedAt);
    return convert(metadata, () => toIso(collectedAt, 'collectedAt'));
  }
  return statSync(fallbackFile).mtime.toISOString();
}
