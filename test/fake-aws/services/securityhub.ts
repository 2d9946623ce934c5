// Security Hub (restJson1): BatchImportFindings, validating like the real service. Call-level
// problems (more than 100 findings, a malformed ProductArn) are InvalidInputException (400); a
// ProductArn or AwsAccountId of another account, region or partition than the signed request is
// AccessDeniedException (403), as AWS answers it; a finding that breaks the format is rejected on
// its own in FailedFindings (`InvalidInput`, "Finding does not adhere to Amazon Finding Format. …").
import { AwsError, type Ctx, type Handler } from '../common.js';

const MAX_FINDINGS = 100;
const NAMESPACES = ['Software and Configuration Checks', 'TTPs', 'Effects', 'Unusual Behaviors', 'Sensitive Data Identifications'];
const TYPE_PATTERN = new RegExp(`^(${NAMESPACES.join('|')})(/[^/]+){0,2}$`);
const SEVERITY_LABELS = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const COMPLIANCE = ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'];
const WORKFLOW = ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'];
const RECORD_STATES = ['ACTIVE', 'ARCHIVED'];
const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];
const REQUIRED = ['SchemaVersion', 'Id', 'ProductArn', 'GeneratorId', 'AwsAccountId', 'Types', 'CreatedAt', 'UpdatedAt', 'Severity', 'Title', 'Description', 'Resources'];
// RFC 3339 as Security Hub accepts it: date, time, optional fraction, Z or an offset.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const PRODUCT_ARN = /^arn:([a-z-]+):securityhub:([a-z0-9-]+):(\d{12})?:product\/([^/]+)\/([^/]+)$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const length = (s: string) => Array.from(s).length;

/** The first way a finding breaks the format, in the words of Security Hub's (ajv) validator; null when it is valid. */
export function asffViolation(finding: unknown): string | null {
  if (!isObject(finding)) return 'data should be object';
  for (const key of REQUIRED) if (!(key in finding)) return `data should have required property '${key}'`;
  const str = (path: string, v: unknown, min: number, max: number): string | null => {
    if (typeof v !== 'string') return `${path} should be string`;
    if (length(v) < min) return `${path} should NOT be shorter than ${min} characters`;
    if (length(v) > max) return `${path} should NOT be longer than ${max} characters`;
    return null;
  };
  const oneOf = (path: string, v: unknown, allowed: string[]) => (typeof v === 'string' && allowed.includes(v) ? null : `${path} should be equal to one of the allowed values`);
  const types = (path: string, v: unknown): string | null => {
    if (!Array.isArray(v)) return `${path} should be array`;
    if (v.length < 1 || v.length > 50) return `${path} should NOT have ${v.length < 1 ? 'fewer than 1' : 'more than 50'} items`;
    for (const [i, t] of v.entries()) if (typeof t !== 'string' || !TYPE_PATTERN.test(t)) return `${path}[${i}] should match pattern "${TYPE_PATTERN.source}"`;
    return null;
  };
  const severity = (path: string, v: unknown): string | null => {
    if (!isObject(v)) return `${path} should be object`;
    if (v.Label !== undefined) return oneOf(`${path}.Label`, v.Label, SEVERITY_LABELS) ?? (v.Original === undefined ? null : str(`${path}.Original`, v.Original, 1, 1024));
    return v.Normalized === undefined ? `${path} should have required property 'Label'` : null;
  };
  const date = (path: string, v: unknown) => (typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)) ? null : `${path} should match format "date-time"`);

  const f = finding;
  const checks: (() => string | null)[] = [
    () => (f.SchemaVersion === '2018-10-08' ? null : 'data.SchemaVersion should be equal to one of the allowed values'),
    () => str('data.Id', f.Id, 1, 512),
    () => str('data.GeneratorId', f.GeneratorId, 1, 512),
    () => (typeof f.AwsAccountId === 'string' && /^\d{12}$/.test(f.AwsAccountId) ? null : 'data.AwsAccountId should match pattern "^[0-9]{12}$"'),
    () => types('data.Types', f.Types),
    () => date('data.CreatedAt', f.CreatedAt),
    () => date('data.UpdatedAt', f.UpdatedAt),
    () => (typeof f.CreatedAt === 'string' && typeof f.UpdatedAt === 'string' && Date.parse(f.UpdatedAt) < Date.parse(f.CreatedAt) ? 'data.UpdatedAt should not be earlier than data.CreatedAt' : null),
    () => severity('data.Severity', f.Severity),
    () => str('data.Title', f.Title, 1, 256),
    () => str('data.Description', f.Description, 1, 1024),
    () => {
      if (f.Remediation === undefined) return null;
      if (!isObject(f.Remediation) || !isObject(f.Remediation.Recommendation)) return 'data.Remediation.Recommendation should be object';
      const r = f.Remediation.Recommendation;
      return (r.Text === undefined ? null : str('data.Remediation.Recommendation.Text', r.Text, 1, 512)) ?? (r.Url === undefined ? null : str('data.Remediation.Recommendation.Url', r.Url, 1, 1024));
    },
    () => {
      const list = f.Resources;
      if (!Array.isArray(list)) return 'data.Resources should be array';
      if (list.length < 1 || list.length > 32) return `data.Resources should NOT have ${list.length < 1 ? 'fewer than 1' : 'more than 32'} items`;
      for (const [i, r] of list.entries()) {
        const p = `data.Resources[${i}]`;
        if (!isObject(r)) return `${p} should be object`;
        for (const key of ['Type', 'Id']) if (!(key in r)) return `${p} should have required property '${key}'`;
        const problem = str(`${p}.Type`, r.Type, 1, 256) ?? str(`${p}.Id`, r.Id, 1, 512)
          ?? (r.Partition === undefined ? null : oneOf(`${p}.Partition`, r.Partition, PARTITIONS))
          ?? (r.Region === undefined ? null : str(`${p}.Region`, r.Region, 1, 16));
        if (problem) return problem;
        if (r.Details !== undefined && isObject(r.Details) && r.Details.Other !== undefined) {
          const other = r.Details.Other;
          if (!isObject(other) || Object.values(other).some((v) => typeof v !== 'string')) return `${p}.Details.Other should be a map of strings`;
          if (Object.keys(other).length > 50) return `${p}.Details.Other should NOT have more than 50 properties`;
        }
      }
      return null;
    },
    () => {
      if (f.Compliance === undefined) return null;
      if (!isObject(f.Compliance)) return 'data.Compliance should be object';
      const c = f.Compliance;
      if (c.Status !== undefined) {
        const problem = oneOf('data.Compliance.Status', c.Status, COMPLIANCE);
        if (problem) return problem;
      }
      if (c.RelatedRequirements === undefined) return null;
      if (!Array.isArray(c.RelatedRequirements)) return 'data.Compliance.RelatedRequirements should be array';
      if (c.RelatedRequirements.length > 32) return 'data.Compliance.RelatedRequirements should NOT have more than 32 items';
      return c.RelatedRequirements.every((r) => typeof r === 'string' && r.length > 0) ? null : 'data.Compliance.RelatedRequirements should be array of non-empty strings';
    },
    () => (f.Workflow === undefined ? null : isObject(f.Workflow) ? oneOf('data.Workflow.Status', f.Workflow.Status, WORKFLOW) : 'data.Workflow should be object'),
    () => (f.RecordState === undefined ? null : oneOf('data.RecordState', f.RecordState, RECORD_STATES)),
    () => {
      if (f.ProductFields === undefined) return null;
      if (!isObject(f.ProductFields)) return 'data.ProductFields should be object';
      const entries = Object.entries(f.ProductFields);
      if (entries.length > 50) return 'data.ProductFields should NOT have more than 50 properties';
      for (const [k, v] of entries) {
        if (length(k) > 128) return `data.ProductFields should NOT have properties longer than 128 characters`;
        const problem = str(`data.ProductFields['${k}']`, v, 1, 2048);
        if (problem) return problem;
      }
      return null;
    },
    () => {
      if (f.FindingProviderFields === undefined) return null;
      if (!isObject(f.FindingProviderFields)) return 'data.FindingProviderFields should be object';
      const p = f.FindingProviderFields;
      return (p.Severity === undefined ? null : severity('data.FindingProviderFields.Severity', p.Severity)) ?? (p.Types === undefined ? null : types('data.FindingProviderFields.Types', p.Types));
    },
  ];
  for (const check of checks) {
    const problem = check();
    if (problem) return problem;
  }
  return null;
}

function batchImportFindings(ctx: Ctx): unknown {
  const { scenario, state, region } = ctx;
  const findings = ctx.input.body?.Findings;
  const invalid = (message: string) => new AwsError('InvalidInputException', message, 400);
  if (!Array.isArray(findings)) throw invalid("1 validation error detected: Value null at 'findings' failed to satisfy constraint: Member must not be null");
  if (findings.length < 1 || findings.length > MAX_FINDINGS) {
    throw invalid(`1 validation error detected: Value at 'findings' failed to satisfy constraint: Member must have length ${findings.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_FINDINGS}`}`);
  }

  // Only the account a finding is about may import it, into its own default product, in the
  // region and partition it signed for; AWS denies the whole call otherwise.
  const denied = (resource: string) =>
    new AwsError('AccessDeniedException', `User: ${scenario.callerArn} is not authorized to perform: securityhub:BatchImportFindings on resource: ${resource}`, 403);
  for (const f of findings) {
    if (!isObject(f)) continue;
    if (typeof f.ProductArn === 'string') {
      const m = PRODUCT_ARN.exec(f.ProductArn);
      if (!m || !PARTITIONS.includes(m[1] ?? '')) throw invalid(`productArn: "${f.ProductArn}"`);
      const [, partition, arnRegion, account, company, product] = m;
      const ownDefault = account === scenario.accountId && company === scenario.accountId && product === 'default';
      if (partition !== scenario.partition || arnRegion !== region || !ownDefault) throw denied(f.ProductArn);
    }
    if (typeof f.AwsAccountId === 'string' && /^\d{12}$/.test(f.AwsAccountId) && f.AwsAccountId !== scenario.accountId) {
      throw denied(typeof f.ProductArn === 'string' ? f.ProductArn : `arn:${scenario.partition}:securityhub:${region}::product/*`);
    }
  }

  const enabled = scenario.securityHub?.enabledRegions?.includes(region) ?? true;
  const failed: { Id: string; ErrorCode: string; ErrorMessage: string }[] = [];
  for (const f of findings) {
    const id = isObject(f) && typeof f.Id === 'string' ? f.Id : '';
    if (!enabled) {
      failed.push({ Id: id, ErrorCode: 'InvalidAccess', ErrorMessage: `Account ${scenario.accountId} is not subscribed to AWS Security Hub in ${region}` });
      continue;
    }
    const problem = asffViolation(f);
    if (problem) failed.push({ Id: id, ErrorCode: 'InvalidInput', ErrorMessage: `Finding does not adhere to Amazon Finding Format. ${problem}.` });
    else state.securityHubFindings.push(f as Json);
  }
  return { FailedCount: failed.length, SuccessCount: findings.length - failed.length, FailedFindings: failed };
}

export const securityHubHandlers: Record<string, Handler> = { BatchImportFindings: batchImportFindings };
