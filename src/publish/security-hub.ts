import type { ScanResult } from '../engine/result.js';
import { ScanUnavailableError } from '../errors.js';
import { asffFindings, type AsffFinding } from '../report/asff.js';
import { msg, type Message } from '../i18n/index.js';
import { SECURITY_HUB_ACTION } from './security-hub-action.js';

// `scan --security-hub` writes the findings to Security Hub: the only write lockdown makes, so it
// lives outside src/collect/ (read-only by promise). The SDK and the shared client settings are
// loaded only when an import runs, so no other command pays for them.

/** BatchImportFindings takes at most 100 findings per call. */
export const SECURITY_HUB_BATCH = 100;

export interface SecurityHubOptions {
  profile?: string;
  /** Where the findings go (the ASFF ProductArn names it; Security Hub refuses another region's). */
  region: string;
  /** --endpoint-url; AWS_ENDPOINT_URL[_SECURITYHUB] work without it (the SDK reads them). */
  endpoint?: string;
  env: NodeJS.ProcessEnv;
  /** --compliance: the same ASFF as `--format asff` prints (its framework first in RelatedRequirements). */
  compliance?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
}

export interface SecurityHubImport {
  region: string;
  /** Findings sent, and how many Security Hub accepted. */
  total: number;
  imported: number;
  calls: number;
  failed: { id: string; code: string; message: string }[];
}

/**
 * Imports the result's findings, as the ASFF reporter renders them, in batches of 100. Rejected
 * findings (FailedFindings) are returned; a call that fails as a whole (denied, unreachable, no
 * credentials) stops the import with a ScanUnavailableError that names the action.
 */
export async function importToSecurityHub(result: ScanResult, options: SecurityHubOptions): Promise<SecurityHubImport> {
  const { region } = options;
  const findings = asffFindings(result, { region, compliance: options.compliance });
  const [{ BatchImportFindingsCommand, SecurityHubClient }, { fromNodeProviderChain }, { clientConfig, makeClients, callerIdentity, errorCode }] = await Promise.all([
    import('@aws-sdk/client-securityhub'),
    import('@aws-sdk/credential-providers'),
    import('../collect/live.js'),
  ]);
  const credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const outcome: SecurityHubImport = { region, total: findings.length, imported: 0, calls: 0, failed: [] };

  // Offline results (--evidence, --demo) may be of another account than the credentials, which
  // are not checked yet: Security Hub would deny every call, so say which two accounts differ.
  const account = result.accounts[0]?.id;
  if (result.scan.source !== 'aws' && account && findings.length > 0) {
    const clients = makeClients({ region, credentials, endpoint: options.endpoint, maxAttempts: options.maxAttempts, requestTimeoutMs: options.requestTimeoutMs });
    let caller;
    try {
      caller = await callerIdentity(clients, options);
    } catch (error) {
      throw error instanceof ScanUnavailableError ? new ScanUnavailableError(msg('hubIdentity', { where: msg('hubWhere', { region }), detail: error.message })) : error;
    } finally {
      clients.destroy();
    }
    if (caller.accountId !== account) {
      throw new ScanUnavailableError(msg('hubOtherAccount', { where: msg('hubWhere', { region }), account, caller: caller.accountId }));
    }
  }

  // The scan's client settings: adaptive retries also slow down when Security Hub throttles.
  const client = new SecurityHubClient({ ...clientConfig({ credentials, endpoint: options.endpoint, maxAttempts: options.maxAttempts, requestTimeoutMs: options.requestTimeoutMs }), region });
  try {
    for (let start = 0; start < findings.length; start += SECURITY_HUB_BATCH) {
      const batch: AsffFinding[] = findings.slice(start, start + SECURITY_HUB_BATCH);
      let answer;
      try {
        answer = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
      } catch (error) {
        throw unavailable(error, errorCode(error), outcome, options);
      }
      outcome.calls++;
      const failed = answer.FailedFindings ?? [];
      outcome.imported += answer.SuccessCount ?? batch.length - (answer.FailedCount ?? failed.length);
      for (const f of failed) outcome.failed.push({ id: f.Id ?? '?', code: f.ErrorCode ?? '?', message: f.ErrorMessage ?? '' });
    }
  } finally {
    client.destroy();
  }
  return outcome;
}

/** The stderr line after an import: "imported N findings into Security Hub (region)". */
export function importSummary(outcome: SecurityHubImport): Message {
  return msg('hubImported', { count: outcome.imported, region: outcome.region });
}

/** Why the import is incomplete (the count and the first rejection), or null when nothing was rejected. */
export function importFailure(outcome: SecurityHubImport): Message | null {
  const first = outcome.failed[0];
  if (!first) return null;
  const hint = first.code === 'InvalidAccess' ? msg('hubNotEnabled', { region: outcome.region }) : '';
  return msg('hubRejected', { failed: outcome.failed.length, total: outcome.total, id: first.id, code: first.code, detail: first.message, hint });
}

/** A call that failed as a whole. The credentials worked already (for the scan or the account check). */
function unavailable(error: unknown, code: string, outcome: SecurityHubImport, options: SecurityHubOptions): ScanUnavailableError {
  const message = error instanceof Error ? error.message : String(error);
  const done = outcome.imported > 0 ? msg('hubDone', { imported: outcome.imported, total: outcome.total }) : '';
  const where = msg('hubWhere', { region: outcome.region });
  // Network failures carry the system error code (ECONNREFUSED, ENOTFOUND, …) on the error or its cause.
  const system = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if ((typeof system === 'string' && /^E[A-Z_]+$/.test(system)) || code === 'TimeoutError') {
    const endpoint = options.endpoint ?? options.env.AWS_ENDPOINT_URL_SECURITYHUB ?? options.env.AWS_ENDPOINT_URL ?? 'the Security Hub endpoint';
    return new ScanUnavailableError(msg('hubUnreachable', { where, endpoint, code: typeof system === 'string' ? system : code, done }));
  }
  if (code === 'AccessDenied' || code === 'AccessDeniedException') {
    return new ScanUnavailableError(msg('hubDenied', { where, action: SECURITY_HUB_ACTION, code, detail: message, done }));
  }
  return new ScanUnavailableError(msg('hubFailed', { where, action: SECURITY_HUB_ACTION, code: code || 'error', detail: message, done }));
}
