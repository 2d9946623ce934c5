import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS, CHECKS_BY_ID, ALIASES } from '../checks/registry.js';
import { loadConfig } from '../config/config.js';
import { loadMutelist } from '../config/mutelist.js';
import { SEVERITIES, type Finding, type Severity } from '../engine/types.js';
import { InputError } from '../errors.js';
import { localeLang, msg, type Lang, type Message } from '../i18n/index.js';
import { loadEvidence } from '../evidence/load.js';
import { PARTITION_REGIONS } from '../evidence/partitions.js';
import { serializeEvidence } from '../evidence/serialize.js';
import { buildRecord } from '../record/record.js';
import { render } from '../record/render.js';
import { frameworkById } from '../report/compliance.js';
import { packageFile } from '../root.js';
import { FORMATS, REPORTERS, reportChunks, type Format } from '../report/index.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { assessEvidence, scanAccount, type AccountScanWithEvidence, type ScanOptions } from '../scan/scan-account.js';
import { parseLang, parseSeverity, parseStatuses, requireValue, selectChecks } from './options.js';
import { writeFiles, type OutputFile } from './output.js';
import { refuseOverlaps } from './output-paths.js';
import { progressMessage } from './progress.js';
import { isSavedScope, manyProgress, parseManyFlags, runLive, runSaved, type ManyFlags } from './scan-accounts.js';
import { tell } from './tell.js';
import type { ManyEvent } from '../org/scan-many.js';
import type { Evidence } from '../evidence/schema.js';
import type { AccountScan, NotAssessedAccount } from '../record/record.js';

export { FORMATS };
export const DEMO_EVIDENCE = packageFile('demo/insecure-account.evidence.json');

/** Every flag of `lockdown scan`; the many-account ones (and those they are checked against) are ManyFlags. */
export interface ScanFlags extends ManyFlags {
  format?: string;
  output?: string;
  outputDir?: string;
  compliance?: string;
  lang?: string;
  checks?: string;
  excludeChecks?: string;
  status?: string;
  config?: string;
  mutelist?: string;
  failOn?: string;
  quiet?: boolean;
}

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Runs a scan and returns the exit code (SPEC §5). Every flag is checked before anything is read. */
export async function runScan(flags: ScanFlags, io: Io, cliLang: Lang = localeLang(io.env)): Promise<number> {
  const startedAt = new Date();
  const formats = parseFormats(flags, io);
  if (flags.compliance !== undefined && !frameworkById(flags.compliance)) {
    throw new InputError(msg('notOneOf', { flag: '--compliance', value: flags.compliance, allowed: FRAMEWORKS.map((f) => f.id).join(', ') }));
  }
  const lang = parseLang(flags.lang, io.env);
  const failOn = flags.failOn === undefined ? undefined : parseSeverity('--fail-on', flags.failOn);
  const statusFilter = flags.status === undefined ? null : parseStatuses('--status', flags.status);
  for (const [flag, value] of [['--region', flags.region], ['--profile', flags.profile]] as const) requireValue(flag, value);
  if (flags.demo && flags.evidence) throw new InputError(msg('notTogether', { a: '--demo', b: '--evidence' }));
  const many = parseManyFlags(flags);
  let selected = flags.checks === undefined ? new Set(CHECKS.map((c) => c.id)) : selectChecks('--checks', flags.checks, CHECKS);
  if (flags.excludeChecks !== undefined) {
    const excluded = selectChecks('--exclude-checks', flags.excludeChecks, CHECKS);
    selected = new Set([...selected].filter((id) => !excluded.has(id)));
    // `--exclude-checks "*"` would otherwise be a scan of nothing that exits 0.
    if (selected.size === 0) throw new InputError(msg('noCheckLeft', { flag: '--exclude-checks' }));
  }
  refuseOverlaps(outputPaths(flags, formats), [
    ...(flags.evidence === undefined ? [] : [{ flag: '--evidence', path: flags.evidence }]),
    ...(flags.config === undefined ? [] : [{ flag: '--config', path: flags.config }]),
    ...(flags.mutelist === undefined ? [] : [{ flag: '--mutelist', path: flags.mutelist }]),
  ]);
  const config = loadConfig(flags.config);
  const mutelist = flags.mutelist === undefined ? undefined : loadMutelist(flags.mutelist, new Set([...CHECKS_BY_ID.keys(), ...[...ALIASES.values()].flat()]));

  // Progress is for a person watching: on a terminal only, and never with --quiet.
  const progress = (message: Message) => {
    if (!flags.quiet && io.stderr.isTTY) io.stderr.write(`${tell(cliLang, message)}\n`);
  };
  const offline = flags.demo || flags.evidence !== undefined;
  // --security-hub needs credentials even for --demo/--evidence.
  if (offline && !flags.securityHub && (flags.profile || flags.region || flags.endpointUrl)) {
    throw new InputError(msg('liveOnly', { flag: flags.profile ? '--profile' : flags.region ? '--region' : '--endpoint-url' }));
  }
  if (flags.endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(flags.endpointUrl)) {
    throw new InputError(msg('notUrl', { flag: '--endpoint-url', value: flags.endpointUrl }));
  }
  const checks = CHECKS.filter((c) => selected.has(c.id));
  const scanOptions: ScanOptions = { checks, config, mutelist, aliases: ALIASES, now: startedAt, onEvent: (event) => progress(progressMessage(event)) };
  let scans: AccountScan[];
  let notAssessed: NotAssessedAccount[] = [];
  let evidence: Evidence | undefined;
  if (many) {
    // Many accounts: progress per account, not per collector (a thousand accounts' collectors would drown it).
    const onEvent = (event: ManyEvent) => progress(manyProgress(event));
    const keep = (await import('./store-scan.js')).evidenceSpoolFor(flags);
    const done = many.kind === 'saved' ? await runSaved(many.dir, scanOptions, onEvent, keep) : await runLive(many, flags, io, scanOptions, onEvent);
    scans = done.scans;
    notAssessed = done.notAssessed;
  } else {
  let scan: AccountScanWithEvidence;
  if (offline) {
    const path = flags.demo ? DEMO_EVIDENCE : (flags.evidence as string);
    scanOptions.onEvent?.({ type: 'reading-evidence', path });
    scan = assessEvidence(loadEvidence(path), scanOptions);
  } else {
    // The AWS SDK loads only for a live scan: offline scans and every other command start instantly.
    const live = await import('../collect/live.js');
    scanOptions.onEvent?.({ type: 'identifying' });
    const session = await live.openSession({ profile: flags.profile, region: flags.region, endpoint: flags.endpointUrl, env: io.env });
    scan = await scanAccount(session, scanOptions);
  }
  evidence = scan.evidence;
  scans = [scan];
  }
  const record = buildRecord(scans, { source: flags.demo ? 'demo' : offline ? 'evidence' : 'aws', startedAt, checks, notAssessed });
  // The store (issue 9, src/cli/store-scan.ts): kept unless --no-store, before the report so a table can start with what changed.
  await (await import('./store-scan.js')).storeScan(record, evidence ? [evidence] : [], flags, io, cliLang);
  const result = render(record, lang, { statusFilter });
  const findings = record.findings;

  const toTerminal = !flags.output && !flags.outputDir && Boolean(io.stdout.isTTY);
  const color = toTerminal && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
  // --security-hub: the region the findings are imported into, resolved as a live scan's.
  const hubRegion = flags.securityHub && !flags.region ? await (await import('../collect/live.js')).configuredRegion(flags.profile) : undefined;
  const region = flags.region ?? hubRegion ?? io.env.AWS_REGION ?? PARTITION_REGIONS[record.accounts[0]?.partition ?? notAssessed[0]?.partition ?? 'aws'] ?? 'us-east-1';
  // A failing reporter leaves no partial set: every report is rendered before anything is
  // written, except JSON, which is produced piece by piece into its temporary file (a failure there
  // removes every temporary file all the same).
  const rendered = formats.map((format) => ({ format, text: reportChunks(format, result, { color: color && format === 'table', compliance: flags.compliance, region, record }) }));
  const contents = [...(flags.saveEvidence && evidence ? [serializeEvidence(evidence)] : []), ...rendered.map((r) => r.text)];
  const files: OutputFile[] = outputPaths(flags, formats).map((file, i) => ({ ...file, content: contents[i] as OutputFile['content'] }));
  if (flags.outputDir) mkdirOrFail(flags.outputDir);
  // All files or none (issue 11 item 11): the saved evidence and every report are committed together.
  if (files.length > 0) await writeFiles(files, writeOptions(io, cliLang));
  for (const file of files) if (file.flag !== '--save-evidence') progress(msg('wrote', { path: file.path }));
  if (!flags.output && !flags.outputDir) for (const piece of (rendered[0] as { text: Iterable<string> }).text) io.stdout.write(piece);
  // After the report is out, so a failed import still leaves the scan's output.
  if (flags.securityHub) {
    const { importFailure, importSummary, importToSecurityHub } = await import('../publish/security-hub.js');
    const imported = await importToSecurityHub(result, { profile: flags.profile, region, endpoint: flags.endpointUrl, env: io.env, compliance: flags.compliance });
    if (!flags.quiet) io.stderr.write(`${tell(cliLang, importSummary(imported))}\n`);
    const failure = importFailure(imported);
    if (failure) {
      io.stderr.write(`lockdown: ${tell(cliLang, failure)}\n`);
      return 3;
    }
  }
  return exitCode(findings, failOn, record.notAssessed.length);
}

/**
 * 1 when an unmuted FAIL or ERROR is at or above --fail-on; 0 otherwise (and always without it).
 * An account that could not be assessed counts as an ERROR at every severity: nothing in it was
 * judged, so nothing can be said to be below the threshold.
 */
export function exitCode(findings: readonly Finding[], failOn: Severity | undefined, notAssessed = 0): number {
  if (failOn === undefined) return 0;
  if (notAssessed > 0) return 1;
  const limit = SEVERITIES.indexOf(failOn);
  const failing = (f: Finding) => !f.muted && (f.status === 'FAIL' || f.status === 'ERROR') && SEVERITIES.indexOf(f.severity) <= limit;
  return findings.some(failing) ? 1 : 0;
}


/** `--format a,b,c`: several formats need --output-dir (one file each); one goes to stdout or --output. */
function parseFormats(flags: ScanFlags, io: Io): Format[] {
  if (flags.output && flags.outputDir) throw new InputError(msg('notTogether', { a: '--output', b: '--output-dir' }));
  const fallback = io.stdout.isTTY && !flags.output && !flags.outputDir ? 'table' : 'json';
  const names = (flags.format ?? fallback).split(',').map((f) => f.trim()).filter(Boolean);
  for (const name of names) {
    if (!(FORMATS as readonly string[]).includes(name)) throw new InputError(msg('notOneOf', { flag: '--format', value: name, allowed: FORMATS.join(', ') }));
  }
  if (names.length === 0) throw new InputError(msg('noFormat'));
  if (new Set(names).size !== names.length) throw new InputError(msg('formatTwice', { value: flags.format ?? '' }));
  if (names.length > 1 && !flags.outputDir) throw new InputError(msg('formatsNeedDir', { formats: names.join(', ') }));
  return names as Format[];
}

/** Every file the scan will write, evidence first: --save-evidence, then --output or one per format. */
function outputPaths(flags: ScanFlags, formats: readonly Format[]): { flag: string; path: string }[] {
  // A many-account scan writes its evidence folder account by account (scan-accounts.ts).
  const evidence = flags.saveEvidence && !manyAccountScan(flags) ? [{ flag: '--save-evidence', path: flags.saveEvidence }] : [];
  if (flags.outputDir) {
    const dir = flags.outputDir;
    return [...evidence, ...formats.map((format) => ({ flag: '--output-dir', path: join(dir, `aws-lockdown.${REPORTERS[format].extension}`) }))];
  }
  return flags.output ? [...evidence, { flag: '--output', path: flags.output }] : evidence;
}

function writeOptions(io: Io, lang: Lang) {
  // Test hook (test/interrupt.test.ts): a pause between writing the temporary files and renaming them.
  const pause = Number(io.env.LOCKDOWN_TEST_PAUSE_BEFORE_COMMIT_MS ?? 0);
  // …and one after each rename but the last, to interrupt a half-done commit.
  const between = Number(io.env.LOCKDOWN_TEST_PAUSE_BETWEEN_RENAMES_MS ?? 0);
  return {
    pauseBeforeCommitMs: Number.isFinite(pause) ? pause : 0,
    pauseBetweenRenamesMs: Number.isFinite(between) ? between : 0,
    onInterrupt: (signal: string) => io.stderr.write(`lockdown: ${tell(lang, msg('interrupted', { signal }))}\n`),
  };
}

function mkdirOrFail(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(msg('cannotCreateDir', { path: dir, code: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
}


function manyAccountScan(flags: ScanFlags): boolean {
  return Boolean(flags.org || flags.roleArn !== undefined || flags.targets !== undefined || (flags.evidence !== undefined && isSavedScope(flags.evidence)));
}
